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

/** A window of service hours closes after it opens; reported on {@code to}. */
@Documented
@Constraint(validatedBy = FromBeforeTo.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface FromBeforeTo {

    String message() default "must be later than from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FromBeforeTo, ImportBundle.TimeSpan> {

        @Override
        public boolean isValid(ImportBundle.TimeSpan window, ConstraintValidatorContext context) {
            if (window.from() == null || window.to() == null || window.from().isBefore(window.to())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
