package io.casedesk.cases.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.cases.model.CaseStatus;
import io.casedesk.cases.model.IdentityChannel;
import io.casedesk.cases.model.ServiceHours;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads an import bundle (DESIGN §7) into an {@link ImportBundle}, collecting every problem instead of stopping
 * at the first, so that a rejected bundle can be fixed in one go. Unknown keys are ignored; a missing key and
 * an explicit {@code null} mean the same. Messages never quote personal data (names, emails, texts); they may
 * quote the firm's own keys (customer refs, case numbers, article ids).
 * <p>
 * One reader per bundle; not thread-safe.
 */
public final class BundleReader {

    /** Which of the given customer refs are already stored, for cases that refer to customers outside the bundle. */
    @FunctionalInterface
    public interface StoredCustomers {
        Set<String> existingRefs(Set<String> refs);
    }

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> WEEKDAYS = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final List<BundleProblem> problems = new ArrayList<>();
    private final Map<String, String> customerPathByRef = new HashMap<>();
    private final Map<String, String> customerPathByLineUserId = new HashMap<>();
    private final Map<String, String> customerPathByEmail = new HashMap<>();
    private final Map<String, String> casePathByNumber = new HashMap<>();
    private final Map<String, String> articlePathById = new HashMap<>();
    /** Path of each case's {@code customerRef} that names no customer in the bundle, checked against storage last. */
    private final Map<String, List<String>> outsideCustomerRefPaths = new LinkedHashMap<>();

    private BundleReader() {
    }

    /**
     * @throws InvalidBundleException listing every problem, when there is at least one
     */
    public static ImportBundle read(JsonNode document, StoredCustomers storedCustomers) {
        return new BundleReader().readBundle(document, storedCustomers);
    }

    private ImportBundle readBundle(JsonNode root, StoredCustomers storedCustomers) {
        if (root == null || !root.isObject()) {
            throw new InvalidBundleException(List.of(new BundleProblem("$", "must be a JSON object")));
        }
        ImportBundle.Firm firm = object(root, "firm", "$") == null ? null : readFirm(root.get("firm"), "$.firm");
        List<ImportBundle.Customer> customers = list(root, "customers", "$", this::readCustomer);
        List<ImportBundle.Case> cases = list(root, "cases", "$", this::readCase);
        List<ImportBundle.Article> articles = list(root, "articles", "$", this::readArticle);
        checkCustomersOutsideBundle(storedCustomers);
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        return new ImportBundle(firm, customers, cases, articles);
    }

    private ImportBundle.Firm readFirm(JsonNode firm, String path) {
        String timezone = text(firm, "timezone", path, true);
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                problem(path + ".timezone", "is not a known time zone (an IANA name such as Asia/Taipei)");
            }
        }
        return new ImportBundle.Firm(
                text(firm, "name", path, true),
                timezone,
                stringList(firm, "languages", path),
                text(firm, "tone", path, false),
                readServiceHours(firm, path),
                stringMap(firm, "outOfHoursText", path));
    }

    private ServiceHours readServiceHours(JsonNode firm, String firmPath) {
        JsonNode hours = object(firm, "serviceHours", firmPath);
        if (hours == null) {
            return ServiceHours.none();
        }
        String path = firmPath + ".serviceHours";
        return new ServiceHours(list(hours, "weekly", path, this::readWeeklyWindow),
                list(hours, "dated", path, this::readDatedWindow));
    }

    private ServiceHours.WeeklyWindow readWeeklyWindow(JsonNode window, String path) {
        List<String> days = stringList(window, "days", path).stream().map(String::toUpperCase).toList();
        if (days.isEmpty()) {
            problem(path + ".days", "must name at least one day");
        }
        days.stream().filter(day -> !WEEKDAYS.contains(day)).findFirst()
                .ifPresent(day -> problem(path + ".days", "must hold only MON, TUE, WED, THU, FRI, SAT, SUN"));
        String[] span = timeSpan(window, path, true);
        return new ServiceHours.WeeklyWindow(days, span[0], span[1]);
    }

    private ServiceHours.DatedWindow readDatedWindow(JsonNode window, String path) {
        LocalDate date = date(window, "date", path, true);
        boolean closed = bool(window, "closed", path);
        String[] span = timeSpan(window, path, !closed);
        return new ServiceHours.DatedWindow(date == null ? null : date.toString(), span[0], span[1],
                closed ? Boolean.TRUE : null);
    }

    /** {@code from} and {@code to} as {@code HH:mm}, {@code from} before {@code to}. */
    private String[] timeSpan(JsonNode window, String path, boolean required) {
        LocalTime from = clockTime(window, "from", path, required);
        LocalTime to = clockTime(window, "to", path, required);
        if (from != null && to != null && !from.isBefore(to)) {
            problem(path + ".to", "must be later than from");
        }
        return new String[] {from == null ? null : CLOCK_TIME.format(from), to == null ? null : CLOCK_TIME.format(to)};
    }

    private ImportBundle.Customer readCustomer(JsonNode customer, String path) {
        String ref = key(customer, "ref", path);
        claimUnique(customerPathByRef, ref, path + ".ref", "customer ref " + ref);
        String lineUserId = identity(customer, "lineUserId", path, IdentityChannel.LINE);
        claimUnique(customerPathByLineUserId, lineUserId, path + ".lineUserId", "LINE user id");
        String email = identity(customer, "email", path, IdentityChannel.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problem(path + ".email", "is not an email address");
        }
        claimUnique(customerPathByEmail, email, path + ".email", "email address");
        return new ImportBundle.Customer(
                ref,
                text(customer, "name", path, true),
                stringMap(customer, "salutation", path),
                text(customer, "language", path, false),
                email,
                text(customer, "phone", path, false),
                lineUserId,
                bool(customer, "vip", path),
                text(customer, "verificationSecret", path, false));
    }

    private ImportBundle.Case readCase(JsonNode customerCase, String path) {
        String number = key(customerCase, "number", path);
        claimUnique(casePathByNumber, number, path + ".number", "case number " + number);
        String customerRef = key(customerCase, "customerRef", path);
        if (customerRef != null && !customerPathByRef.containsKey(customerRef)) {
            outsideCustomerRefPaths.computeIfAbsent(customerRef, ref -> new ArrayList<>()).add(path + ".customerRef");
        }
        String status = text(customerCase, "status", path, true);
        if (status != null && !CaseStatus.wireNames().contains(status)) {
            problem(path + ".status", "must be one of " + String.join(", ", CaseStatus.wireNames()));
        }
        JsonNode nextStep = object(customerCase, "nextStep", path);
        String nextStepPath = path + ".nextStep";
        JsonNode fee = object(customerCase, "outstandingFee", path);
        String feePath = path + ".outstandingFee";
        return new ImportBundle.Case(
                number,
                customerRef,
                text(customerCase, "title", path, true),
                text(customerCase, "type", path, false),
                status,
                text(customerCase, "stage", path, false),
                text(customerCase, "assignee", path, false),
                date(customerCase, "openedAt", path, false),
                nextStep == null ? null : date(nextStep, "date", nextStepPath, false),
                nextStep == null ? null : text(nextStep, "description", nextStepPath, false),
                fee == null ? null : amount(fee, "amount", feePath),
                fee == null ? null : currency(fee, "currency", feePath),
                list(customerCase, "history", path, this::readHistoryEntry));
    }

    private ImportBundle.HistoryEntry readHistoryEntry(JsonNode entry, String path) {
        return new ImportBundle.HistoryEntry(instant(entry, "at", path), text(entry, "entry", path, true));
    }

    private ImportBundle.Article readArticle(JsonNode article, String path) {
        String id = key(article, "id", path);
        claimUnique(articlePathById, id, path + ".id", "article id " + id);
        return new ImportBundle.Article(
                id,
                text(article, "language", path, true),
                text(article, "title", path, true),
                text(article, "body", path, true),
                stringList(article, "tags", path));
    }

    private void checkCustomersOutsideBundle(StoredCustomers storedCustomers) {
        if (outsideCustomerRefPaths.isEmpty()) {
            return;
        }
        Set<String> stored = storedCustomers.existingRefs(new LinkedHashSet<>(outsideCustomerRefPaths.keySet()));
        outsideCustomerRefPaths.forEach((ref, paths) -> {
            if (!stored.contains(ref)) {
                paths.forEach(path -> problem(path, "names unknown customer " + ref));
            }
        });
    }

    // --- values -------------------------------------------------------------------------------------------

    /** Records {@code path} as the owner of {@code value}, or a problem when an earlier entry owns it. */
    private void claimUnique(Map<String, String> owners, String value, String path, String what) {
        if (value == null) {
            return;
        }
        String first = owners.putIfAbsent(value, path.substring(0, path.lastIndexOf('.')));
        if (first != null) {
            problem(path, "duplicate " + what + " (also at " + first + ")");
        }
    }

    /** A required identifier, trimmed. */
    private String key(JsonNode parent, String field, String path) {
        String value = text(parent, field, path, true);
        return value == null ? null : value.trim();
    }

    /** An optional channel identity, normalized for storage and lookup. */
    private String identity(JsonNode parent, String field, String path, IdentityChannel channel) {
        String value = text(parent, field, path, false);
        return value == null || value.isBlank() ? null : channel.normalize(value);
    }

    private String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(path + "." + field, "must be a string");
            return null;
        }
        if (required && value.asText().isBlank()) {
            problem(path + "." + field, "must not be blank");
            return null;
        }
        return value.asText();
    }

    private boolean bool(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(path + "." + field, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    private LocalDate date(JsonNode parent, String field, String path, boolean required) {
        String value = text(parent, field, path, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            problem(path + "." + field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    private Instant instant(JsonNode parent, String field, String path) {
        String value = text(parent, field, path, true);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            problem(path + "." + field, "must be a date-time with offset, e.g. 2026-03-02T10:00:00+08:00");
            return null;
        }
    }

    private LocalTime clockTime(JsonNode parent, String field, String path, boolean required) {
        String value = text(parent, field, path, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim(), CLOCK_TIME);
        } catch (DateTimeException e) {
            problem(path + "." + field, "must be a time as HH:mm");
            return null;
        }
    }

    private BigDecimal amount(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            problem(path + "." + field, "is required");
            return null;
        }
        if (!value.isNumber()) {
            problem(path + "." + field, "must be a number");
            return null;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            problem(path + "." + field, "must not be negative");
            return null;
        }
        return amount;
    }

    private String currency(JsonNode parent, String field, String path) {
        String value = text(parent, field, path, true);
        if (value != null && !CURRENCY.matcher(value).matches()) {
            problem(path + "." + field, "must be an ISO 4217 code such as TWD");
            return null;
        }
        return value;
    }

    private List<String> stringList(JsonNode parent, String field, String path) {
        List<String> values = new ArrayList<>();
        JsonNode array = array(parent, field, path);
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                values.add(item.asText());
            } else {
                problem(path + "." + field + "[" + i + "]", "must be a non-blank string");
            }
        }
        return values;
    }

    /** A JSON object of language (or other key) to text. */
    private Map<String, String> stringMap(JsonNode parent, String field, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode object = object(parent, field, path);
        if (object == null) {
            return values;
        }
        object.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                values.put(entry.getKey(), entry.getValue().asText());
            } else if (!entry.getValue().isNull()) {
                problem(path + "." + field + "." + entry.getKey(), "must be a string");
            }
        });
        return values;
    }

    /** The items of an optional array, each read by {@code reader}; items that are not objects are problems. */
    private <T> List<T> list(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        List<T> items = new ArrayList<>();
        JsonNode array = array(parent, field, path);
        if (array == null) {
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + "." + field + "[" + i + "]";
            if (array.get(i).isObject()) {
                items.add(reader.apply(array.get(i), itemPath));
            } else {
                problem(itemPath, "must be an object");
            }
        }
        return items;
    }

    private JsonNode array(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problem(path + "." + field, "must be an array");
            return null;
        }
        return value;
    }

    private JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(path + "." + field, "must be an object");
            return null;
        }
        return value;
    }

    private void problem(String path, String message) {
        problems.add(new BundleProblem(path, message));
    }
}
