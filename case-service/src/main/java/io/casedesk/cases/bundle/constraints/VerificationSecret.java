package io.casedesk.cases.bundle.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * 4 to 64 characters (code points) without spaces or control characters: the 4-digit PINs firms hand out today, and
 * the longer secrets (a random 8-character one has a trillion values) that make guessing hopeless even within the
 * lockout's daily allowance. The message never quotes the secret.
 */
@Documented
@Constraint(validatedBy = VerificationSecret.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface VerificationSecret {

    int MIN_LENGTH = 4;
    int MAX_LENGTH = 64;

    String message() default "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VerificationSecret, String> {

        @Override
        public boolean isValid(String secret, ConstraintValidatorContext context) {
            if (secret == null) {
                return true;
            }
            int length = secret.codePointCount(0, secret.length());
            return length >= MIN_LENGTH && length <= MAX_LENGTH
                    && secret.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        }
    }
}
