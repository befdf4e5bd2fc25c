package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    public static Optional<FirmSettings> current() {
        return findByIdOptional(THE_FIRM);
    }
}
