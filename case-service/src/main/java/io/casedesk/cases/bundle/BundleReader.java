package io.casedesk.cases.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.cases.bundle.constraints.Required;
import io.casedesk.cases.bundle.constraints.TimesUnlessClosed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an import bundle (DESIGN §7): binds it to {@link ImportBundle} ({@link BundleBinding}), then validates it
 * against the records' constraints, collecting every problem instead of stopping at the first, so that a rejected
 * bundle can be fixed in one go. Messages never quote personal data (names, emails, texts); they may quote
 * the firm's own keys (customer refs, case numbers, article ids).
 */
public final class BundleReader {

    /** Which of the given customer refs are already stored, for cases that refer to customers outside the bundle. */
    @FunctionalInterface
    public interface StoredCustomers {
        Set<String> existingRefs(Set<String> refs);
    }

    /** Outside the service (tests, tools): no expression language in messages, as in the service. */
    private static final class StandaloneValidation {
        static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }

    private BundleReader() {
    }

    /** As {@link #read(JsonNode, StoredCustomers, ValidatorFactory)} with a validator factory of its own. */
    public static ImportBundle read(JsonNode document, StoredCustomers storedCustomers) {
        return read(document, storedCustomers, StandaloneValidation.FACTORY);
    }

    /**
     * @param storedCustomers asked once, for the customer refs of cases that the bundle's customers do not hold
     * @throws InvalidBundleException listing every problem, when there is at least one
     */
    public static ImportBundle read(JsonNode document, StoredCustomers storedCustomers, ValidatorFactory validators) {
        if (document == null || !document.isObject()) {
            throw new InvalidBundleException(List.of(new BundleProblem("$", "must be a JSON object")));
        }
        List<BundleProblem> problems = new ArrayList<>();
        ImportBundle bundle = BundleBinding.bind(document, problems);
        if (bundle != null) {
            problems.addAll(violations(bundle, storedCustomers, validators,
                    problems.stream().map(BundleProblem::path).collect(Collectors.toSet())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems.stream().sorted(IN_PATH_ORDER).toList());
        }
        return bundle;
    }

    /**
     * The bundle's broken rules. A value that could not be read ({@code unreadable}) was bound as null: it is not
     * reported as missing too. A value that is missing or blank is not also reported as of the wrong form.
     */
    private static List<BundleProblem> violations(ImportBundle bundle, StoredCustomers storedCustomers,
                                                  ValidatorFactory validators, Set<String> unreadable) {
        Set<ConstraintViolation<ImportBundle>> violations = validators.unwrap(HibernateValidatorFactory.class)
                .usingContext().constraintValidatorPayload(storedCustomers).getValidator().validate(bundle);
        Set<String> missing = violations.stream().filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof Required)
                .map(v -> path(v.getPropertyPath())).collect(Collectors.toSet());
        List<BundleProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ImportBundle> violation : violations) {
            String path = path(violation.getPropertyPath());
            Annotation rule = violation.getConstraintDescriptor().getAnnotation();
            boolean saysMissing = rule instanceof Required || rule instanceof NotNull || rule instanceof NotBlank
                    || rule instanceof TimesUnlessClosed;
            if (saysMissing ? !unreadable.contains(path) : !missing.contains(path)) {
                problems.add(new BundleProblem(path, violation.getMessage()));
            }
        }
        return problems;
    }

    /** {@code $.cases[3].customerRef} for the validator's {@code cases[3].customerRef}. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder("$");
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                path.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append('.').append(node.getName());
            }
        }
        return path.toString();
    }

    private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)]|[^.\\[]+");

    /** Paths in order, list items by their number: {@code $.cases[2]} before {@code $.cases[10]}. */
    private static final Comparator<BundleProblem> IN_PATH_ORDER = (a, b) -> {
        Matcher left = SEGMENT.matcher(a.path());
        Matcher right = SEGMENT.matcher(b.path());
        while (left.find() & right.find()) {
            int order = left.group(1) != null && right.group(1) != null
                    ? Integer.compare(Integer.parseInt(left.group(1)), Integer.parseInt(right.group(1)))
                    : left.group().compareTo(right.group());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.path().length(), b.path().length());
    };
}
