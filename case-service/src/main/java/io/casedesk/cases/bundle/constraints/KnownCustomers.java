package io.casedesk.cases.bundle.constraints;

import io.casedesk.cases.bundle.BundleReader;
import io.casedesk.cases.bundle.ImportBundle;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Every case belongs to a customer of the bundle or to one stored earlier. Which refs are stored is asked once, for
 * the refs the bundle does not hold, of the {@link BundleReader.StoredCustomers} given to the validator as its
 * payload (none stored without one).
 */
@Documented
@Constraint(validatedBy = KnownCustomers.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface KnownCustomers {

    String message() default "names unknown customer {ref}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCustomers, ImportBundle> {

        @Override
        public boolean isValid(ImportBundle bundle, ConstraintValidatorContext context) {
            Set<String> inBundle = new LinkedHashSet<>();
            bundle.customers().stream().filter(Objects::nonNull).map(ImportBundle.Customer::ref)
                    .filter(Objects::nonNull).forEach(inBundle::add);
            Map<String, List<Integer>> outside = new LinkedHashMap<>();
            for (int i = 0; i < bundle.cases().size(); i++) {
                ImportBundle.Case customerCase = bundle.cases().get(i);
                String ref = customerCase == null ? null : customerCase.customerRef();
                if (ref != null && !ref.isBlank() && !inBundle.contains(ref)) {
                    outside.computeIfAbsent(ref, r -> new ArrayList<>()).add(i);
                }
            }
            if (outside.isEmpty()) {
                return true;
            }
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            BundleReader.StoredCustomers storedCustomers =
                    hibernate.getConstraintValidatorPayload(BundleReader.StoredCustomers.class);
            Set<String> stored = storedCustomers == null ? Set.of()
                    : storedCustomers.existingRefs(new LinkedHashSet<>(outside.keySet()));
            hibernate.disableDefaultConstraintViolation();
            boolean known = true;
            for (Map.Entry<String, List<Integer>> ref : outside.entrySet()) {
                if (stored.contains(ref.getKey())) {
                    continue;
                }
                known = false;
                for (int index : ref.getValue()) {
                    hibernate.addMessageParameter("ref", ref.getKey())
                            .buildConstraintViolationWithTemplate(hibernate.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("cases").addPropertyNode("customerRef").inIterable().atIndex(index)
                            .addConstraintViolation();
                }
            }
            return known;
        }
    }
}
