package io.casedesk.cases.model;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.service.SecretHasher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Entity
@Table(name = "customers")
public class Customer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The firm's own customer reference, e.g. {@code C-1001}. */
    public String ref;

    public String name;

    /** How to address the customer, per language, e.g. {@code {"zh-Hant": "張先生", "en": "Mr. Chang"}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> salutation;

    public String language;

    public String email;

    public String phone;

    public boolean vip;

    /** See {@code SecretHasher}; {@code null} when the customer has no verification secret. */
    @Column(name = "verification_secret_hash")
    public String verificationSecretHash;

    /**
     * Takes the customer's details from an import bundle, the verification secret only as its hash; true when any
     * changed. Their channel identities are the importer's: one may move from another customer.
     */
    public boolean takeImported(ImportBundle.Customer data, SecretHasher secrets) {
        ChangeTracker changes = new ChangeTracker();
        ref = changes.take(ref, data.ref());
        name = changes.take(name, data.name());
        salutation = changes.take(salutation, data.salutation());
        language = changes.take(language, data.language());
        email = changes.take(email, data.email());
        phone = changes.take(phone, data.phone());
        vip = changes.take(vip, data.vip());
        String secret = data.verificationSecret();
        boolean sameSecret = verificationSecretHash == null || secret == null
                ? verificationSecretHash == null && secret == null
                : secrets.matches(secret, verificationSecretHash);
        if (!sameSecret) {
            verificationSecretHash = secret == null ? null : secrets.hash(secret);
            changes.mark();
        }
        return changes.changed();
    }

    public static Optional<Customer> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }

    public static List<Customer> listByRefs(Collection<String> refs) {
        return refs.isEmpty() ? List.of() : list("ref in ?1", refs);
    }
}
