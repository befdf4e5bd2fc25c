package io.casedesk.handoff.model;

import io.casedesk.schema.EventCodec;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How Hibernate writes and reads the JSON columns: with the event codec's mapper, as the events carry the same
 * values (ISO-8601 times, unknown fields ignored), so rows written before the columns became jsonb read the same.
 */
@ApplicationScoped
@PersistenceUnitExtension
@JsonFormat
public class JsonColumns implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(EventCodec.shared().mapper());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
