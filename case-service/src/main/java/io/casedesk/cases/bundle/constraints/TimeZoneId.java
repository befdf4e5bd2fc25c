package io.casedesk.cases.bundle.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A time zone the JVM knows by that id. Blank is left to {@link Required}. */
@Documented
@Constraint(validatedBy = TimeZoneId.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface TimeZoneId {

    String message() default "is not a known time zone (an IANA name such as Asia/Taipei)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneId, String> {

        @Override
        public boolean isValid(String timezone, ConstraintValidatorContext context) {
            if (timezone == null || timezone.isBlank()) {
                return true;
            }
            try {
                ZoneId.of(timezone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
