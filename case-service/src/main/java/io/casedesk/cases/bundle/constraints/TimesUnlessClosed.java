package io.casedesk.cases.bundle.constraints;

import io.casedesk.cases.bundle.ImportBundle;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A dated window that is not {@code closed} says when it opens and closes. */
@Documented
@Constraint(validatedBy = TimesUnlessClosed.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface TimesUnlessClosed {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimesUnlessClosed, ImportBundle.DatedWindow> {

        @Override
        public boolean isValid(ImportBundle.DatedWindow window, ConstraintValidatorContext context) {
            if (Boolean.TRUE.equals(window.closed()) || (window.from() != null && window.to() != null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (window.from() == null) {
                missing(context, "from");
            }
            if (window.to() == null) {
                missing(context, "to");
            }
            return false;
        }

        private static void missing(ConstraintValidatorContext context, String time) {
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(time).addConstraintViolation();
        }
    }
}
