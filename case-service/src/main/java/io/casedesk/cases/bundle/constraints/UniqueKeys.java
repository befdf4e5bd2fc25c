package io.casedesk.cases.bundle.constraints;

import io.casedesk.cases.bundle.ImportBundle;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The bundle's natural keys name one record each: customer refs, case numbers and article ids, and the LINE user ids
 * and email addresses that become customers' identities. Each later holder of a key is reported, with where the
 * first one is; the firm's own keys are quoted, identities (personal data) are not.
 */
@Documented
@Constraint(validatedBy = UniqueKeys.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface UniqueKeys {

    String message() default "duplicate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UniqueKeys, ImportBundle> {

        @Override
        public boolean isValid(ImportBundle bundle, ConstraintValidatorContext context) {
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.disableDefaultConstraintViolation();
            boolean unique = unique(hibernate, bundle.customers(), "customers", "ref", ImportBundle.Customer::ref,
                    "duplicate customer ref {key} (also at {first})");
            unique &= unique(hibernate, bundle.customers(), "customers", "lineUserId",
                    ImportBundle.Customer::lineUserId, "duplicate LINE user id (also at {first})");
            unique &= unique(hibernate, bundle.customers(), "customers", "email", ImportBundle.Customer::email,
                    "duplicate email address (also at {first})");
            unique &= unique(hibernate, bundle.cases(), "cases", "number", ImportBundle.Case::number,
                    "duplicate case number {key} (also at {first})");
            unique &= unique(hibernate, bundle.articles(), "articles", "id", ImportBundle.Article::id,
                    "duplicate article id {key} (also at {first})");
            return unique;
        }

        private static <T> boolean unique(HibernateConstraintValidatorContext context, List<T> items, String list,
                                          String field, Function<T, String> key, String template) {
            Map<String, Integer> first = new HashMap<>();
            boolean unique = true;
            for (int i = 0; i < items.size(); i++) {
                String value = items.get(i) == null ? null : key.apply(items.get(i));
                if (value == null || value.isBlank()) {
                    continue;
                }
                Integer earlier = first.putIfAbsent(value, i);
                if (earlier != null) {
                    unique = false;
                    // Parameters, not concatenation: a key is never read as a message expression.
                    context.addMessageParameter("key", value)
                            .addMessageParameter("first", "$." + list + "[" + earlier + "]")
                            .buildConstraintViolationWithTemplate(template)
                            .addPropertyNode(list).addPropertyNode(field).inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return unique;
        }
    }
}
