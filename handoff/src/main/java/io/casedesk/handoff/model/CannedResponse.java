package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/**
 * A text agents insert into a reply: per language, found by its shortcut ({@code refund-policy}), with placeholders
 * ({@code {salutation}}, {@code {agent}}) filled for the ticket at hand. Supervisors keep them.
 */
@Entity
@Table(name = "canned_responses")
public class CannedResponse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** {@code zh-Hant}, {@code zh-Hans} or {@code en}. */
    public String language;
    public String shortcut;
    public String title;
    public String body;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    long version;

    /** Every canned response, or those of one language, by language and shortcut. */
    public static List<CannedResponse> ofLanguage(String language) {
        return language == null ? list("order by language, shortcut")
                : list("language = ?1 order by shortcut", language);
    }

    /** Whether a canned response other than {@code exceptId} has the shortcut in the language. */
    public static boolean shortcutTaken(String language, String shortcut, Long exceptId) {
        return exceptId == null ? count("language = ?1 and shortcut = ?2", language, shortcut) > 0
                : count("language = ?1 and shortcut = ?2 and id <> ?3", language, shortcut, exceptId) > 0;
    }
}
