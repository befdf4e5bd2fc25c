package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.casedesk.cases.bundle.ImportBundle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The firm this installation serves; a single row. */
@Entity
@Table(name = "firm_settings")
public class FirmSettings extends PanacheEntityBase {

    /** The id of the one row. */
    public static final int THE_FIRM = 1;

    @Id
    public Integer id;

    public String name;

    public String timezone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;

    public String tone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "service_hours")
    public ServiceHours serviceHours;

    /** Text sent outside service hours, per language. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "out_of_hours_text")
    public Map<String, String> outOfHoursText;

    /** Takes the firm's settings from an import bundle; true when any of them changed. */
    public boolean takeImported(ImportBundle.Firm data) {
        ChangeTracker changes = new ChangeTracker();
        name = changes.take(name, data.name());
        timezone = changes.take(timezone, data.timezone());
        languages = changes.take(languages, data.languages());
        tone = changes.take(tone, data.tone());
        serviceHours = changes.take(serviceHours,
                data.serviceHours() == null ? ServiceHours.none() : data.serviceHours().toStored());
        outOfHoursText = changes.take(outOfHoursText, data.outOfHoursText());
        return changes.changed();
    }

    /** The firm's settings before the first import gives them, not stored yet. */
    public static FirmSettings newFirm() {
        FirmSettings firm = new FirmSettings();
        firm.id = THE_FIRM;
        return firm;
    }

    public static Optional<FirmSettings> current() {
        return findByIdOptional(THE_FIRM);
    }
}
