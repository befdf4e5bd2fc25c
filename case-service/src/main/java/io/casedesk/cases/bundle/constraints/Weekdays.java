package io.casedesk.cases.bundle.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * At least one day, each {@code MON} … {@code SUN} (upper-cased by the bundle). Items that are not text are
 * reported on their own, and do not count as days.
 */
@Documented
@Constraint(validatedBy = Weekdays.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Weekdays {

    Set<String> NAMES = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    String message() default "must hold only MON, TUE, WED, THU, FRI, SAT, SUN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Weekdays, List<String>> {

        @Override
        public boolean isValid(List<String> days, ConstraintValidatorContext context) {
            List<String> named = days == null ? List.of()
                    : days.stream().filter(day -> day != null && !day.isBlank()).toList();
            if (named.isEmpty()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must name at least one day").addConstraintViolation();
                return false;
            }
            return NAMES.containsAll(named);
        }
    }
}
