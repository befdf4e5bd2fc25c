package io.casedesk.odoostandin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An Odoo search domain: a list in Polish notation of leaves {@code [field, operator, value]} and the operators
 * {@code "&"}, {@code "|"} (two operands) and {@code "!"} (one); consecutive terms are joined by AND. Leaf
 * operators: {@code = != > >= < <= in not in like not like ilike not ilike =like =ilike}. {@code false} stands for
 * an empty value, as in Odoo. A malformed domain or an unknown field is a {@code ValueError}, as Odoo raises it.
 */
final class Domain {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", ">", ">=", "<", "<=", "in", "not in",
            "like", "not like", "ilike", "not ilike", "=like", "=ilike");
    static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    interface Term {
        boolean test(Map<String, Object> record);
    }

    private final Term root;
    private final boolean mentionsActive;

    private Domain(Term root, boolean mentionsActive) {
        this.root = root;
        this.mentionsActive = mentionsActive;
    }

    static Domain parse(Object json, ModelSchema.Model model) {
        if (json == null || Boolean.FALSE.equals(json)) {
            return new Domain(record -> true, false);
        }
        if (!(json instanceof List<?> items)) {
            throw OdooError.valueError("Invalid domain: " + json);
        }
        Parser parser = new Parser(items, model);
        List<Term> terms = new ArrayList<>();
        while (parser.position < items.size()) {
            terms.add(parser.term());
        }
        Term root = record -> {
            for (Term term : terms) {
                if (!term.test(record)) {
                    return false;
                }
            }
            return true;
        };
        return new Domain(root, parser.mentionsActive);
    }

    boolean test(Map<String, Object> record) {
        return root.test(record);
    }

    /** Odoo adds {@code active = True} unless the domain names {@code active} itself. */
    boolean mentionsActive() {
        return mentionsActive;
    }

    private static final class Parser {
        private final List<?> items;
        private final ModelSchema.Model model;
        private int position;
        private boolean mentionsActive;

        Parser(List<?> items, ModelSchema.Model model) {
            this.items = items;
            this.model = model;
        }

        Term term() {
            if (position >= items.size()) {
                throw OdooError.valueError("Invalid domain: an operator is missing its operands");
            }
            Object item = items.get(position++);
            if ("&".equals(item) || "|".equals(item)) {
                Term left = term();
                Term right = term();
                return "&".equals(item) ? r -> left.test(r) && right.test(r) : r -> left.test(r) || right.test(r);
            }
            if ("!".equals(item)) {
                Term operand = term();
                return r -> !operand.test(r);
            }
            if (item instanceof List<?> leaf && leaf.size() == 3) {
                return leaf(leaf);
            }
            throw OdooError.valueError("Invalid leaf " + item);
        }

        private Term leaf(List<?> leaf) {
            if (!(leaf.get(0) instanceof String fieldName) || !(leaf.get(1) instanceof String rawOperator)) {
                throw OdooError.valueError("Invalid leaf " + leaf);
            }
            String operator = rawOperator.toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(operator)) {
                throw OdooError.valueError("Invalid leaf " + leaf + ": unknown operator " + rawOperator);
            }
            ModelSchema.Field field = model.field(fieldName);
            if (field == null) {
                throw OdooError.valueError("Invalid field " + model.name() + "." + fieldName + " in leaf " + leaf);
            }
            if ("active".equals(fieldName)) {
                mentionsActive = true;
            }
            Object value = leaf.get(2);
            return record -> matches(field, record.get(fieldName), operator, value, record);
        }
    }

    private static boolean matches(ModelSchema.Field field, Object stored, String operator, Object value,
            Map<String, Object> record) {
        if (field.type().toMany()) {
            return matchesToMany(stored, operator, value);
        }
        Object actual = field.type() == FieldType.BOOLEAN ? Boolean.TRUE.equals(stored) : stored;
        switch (operator) {
            case "=":
                return same(field, actual, value);
            case "!=":
            case "<>":
                return !same(field, actual, value);
            case "in":
                return asCollection(value).stream().anyMatch(v -> same(field, actual, v));
            case "not in":
                return asCollection(value).stream().noneMatch(v -> same(field, actual, v));
            case ">":
            case ">=":
            case "<":
            case "<=":
                if (actual == null || isFalse(value)) {
                    return false;
                }
                int order = compare(field, actual, value);
                return switch (operator) {
                    case ">" -> order > 0;
                    case ">=" -> order >= 0;
                    case "<" -> order < 0;
                    default -> order <= 0;
                };
            default:
                return like(field, actual, operator, value);
        }
    }

    private static boolean matchesToMany(Object stored, String operator, Object value) {
        @SuppressWarnings("unchecked")
        List<Long> ids = stored == null ? List.of() : (List<Long>) stored;
        return switch (operator) {
            case "=" -> isFalse(value) ? ids.isEmpty() : ids.contains(toLong(value));
            case "!=", "<>" -> isFalse(value) ? !ids.isEmpty() : !ids.contains(toLong(value));
            case "in" -> asCollection(value).stream().anyMatch(v -> ids.contains(toLong(v)));
            case "not in" -> asCollection(value).stream().noneMatch(v -> ids.contains(toLong(v)));
            default -> throw OdooError.valueError("Operator " + operator + " is not supported on x2many fields here");
        };
    }

    private static boolean like(ModelSchema.Field field, Object actual, String operator, Object value) {
        if (field.type() == FieldType.MANY2ONE) {
            // Odoo compares a many2one's display name; the stand-in has only ids here, so it refuses.
            throw OdooError.valueError("like operators on many2one fields are not supported by the stand-in");
        }
        String text = actual == null ? null : actual.toString();
        String pattern = isFalse(value) ? null : value.toString();
        boolean positive = !operator.startsWith("not");
        if (pattern == null) {
            return positive == (text == null);
        }
        if (text == null) {
            return !positive;
        }
        boolean ignoreCase = operator.contains("ilike");
        boolean exactPattern = operator.startsWith("=");
        String regex = exactPattern ? likeToRegex(pattern) : ".*" + likeToRegex("%" + pattern + "%") + ".*";
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regex,
                java.util.regex.Pattern.DOTALL | (ignoreCase
                        ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0));
        return positive == compiled.matcher(text).matches();
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, everything else literal. */
    private static String likeToRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static boolean same(ModelSchema.Field field, Object actual, Object value) {
        if (isFalse(value) && field.type() != FieldType.BOOLEAN) {
            return actual == null || "".equals(actual);
        }
        if (actual == null) {
            return false;
        }
        return compare(field, actual, value) == 0;
    }

    /** Compares a stored value with a domain value, by the field's type. */
    static int compare(ModelSchema.Field field, Object actual, Object value) {
        switch (field.type()) {
            case INTEGER:
            case MANY2ONE:
                return Long.compare(((Number) actual).longValue(), toLong(value));
            case FLOAT:
            case MONETARY:
                return Double.compare(((Number) actual).doubleValue(), toDouble(value));
            case BOOLEAN:
                return Boolean.compare((Boolean) actual, Boolean.TRUE.equals(value));
            case DATETIME:
                return ((LocalDateTime) actual).compareTo(toDateTime(value));
            case DATE:
                return actual.toString().compareTo(toDate(value).toString());
            default:
                return actual.toString().compareTo(String.valueOf(value));
        }
    }

    static boolean isFalse(Object value) {
        return value == null || Boolean.FALSE.equals(value);
    }

    static Collection<?> asCollection(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        return List.of(value);
    }

    static long toLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(Objects.toString(value));
        } catch (NumberFormatException e) {
            throw OdooError.valueError("Expected an integer, got " + value);
        }
    }

    private static double toDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(Objects.toString(value));
        } catch (NumberFormatException e) {
            throw OdooError.valueError("Expected a number, got " + value);
        }
    }

    /** Odoo's datetime strings, {@code 2026-12-05 08:00:00} (UTC), or a date alone (midnight). */
    static LocalDateTime toDateTime(Object value) {
        String text = Objects.toString(value);
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, ODOO_DATETIME);
        } catch (DateTimeParseException e) {
            throw OdooError.valueError("time data '" + text + "' does not match format '%Y-%m-%d %H:%M:%S'");
        }
    }

    static LocalDate toDate(Object value) {
        String text = Objects.toString(value);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw OdooError.valueError("time data '" + text + "' does not match format '%Y-%m-%d'");
        }
    }
}
