package io.casedesk.odoostandin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The records of the stand-in, in memory, with Odoo's ORM semantics for what CaseDesk uses: {@code create},
 * {@code write}, {@code unlink}, {@code read}, {@code search} with domain, order, offset and limit; archived
 * records ({@code active = False}) hidden from searches unless the context says {@code active_test: false};
 * {@code create_date} and {@code write_date} kept by the store (to the microsecond, shown to the second, in UTC);
 * many2one values read as {@code [id, display name]}, empty values as {@code false}. Thread-safe.
 */
public final class RecordStore {

    private final ModelSchema schema = new ModelSchema();
    private final Map<String, TreeMap<Long, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Clock clock;
    private LocalDateTime lastStamp = LocalDateTime.MIN;

    public RecordStore(Clock clock) {
        this.clock = clock;
        schema.modelNames().forEach(name -> tables.put(name, new TreeMap<>()));
        // The records every database has.
        // As in Odoo: OdooBot is user 1, the administrator user 2.
        insert("res.users", Map.of("name", "OdooBot", "login", "__system__", "active", true), null);
        insert("res.users", Map.of("name", "Administrator", "login", "admin", "active", true), null);
        insert("mail.message.subtype", Map.of("name", "Discussions", "internal", false), null);
        insert("mail.message.subtype", Map.of("name", "Note", "internal", true), null);
    }

    public RecordStore() {
        this(Clock.systemUTC());
    }

    /** Subtype xml ids the stand-in knows, as {@code message_post(subtype_xmlid=...)} names them. */
    static long subtypeId(String xmlid) {
        return switch (xmlid == null ? "mail.mt_note" : xmlid) {
            case "mail.mt_comment" -> 1L;
            case "mail.mt_note" -> 2L;
            default -> throw OdooError.valueError("External ID not found in the system: " + xmlid);
        };
    }

    ModelSchema.Model model(String name) {
        ModelSchema.Model model = schema.model(name);
        if (model == null) {
            throw OdooError.notFound("the model '" + name + "' does not exist");
        }
        return model;
    }

    boolean knows(String model) {
        return schema.model(model) != null;
    }

    // --- writing ----------------------------------------------------------------------------------------------

    /** Creates a record as {@code create} over RPC does (the log-access fields are the store's), returns its id. */
    public synchronized long create(String modelName, Map<String, ?> values) {
        return insert(modelName, withoutLogAccess(values), null);
    }

    /**
     * Creates a record with its {@code create_date} and {@code write_date} at {@code at}, as if it had been
     * created then: for loading realistic data. {@code null} means now.
     */
    public synchronized long insert(String modelName, Map<String, ?> values, LocalDateTime at) {
        ModelSchema.Model model = model(modelName);
        long id = sequences.merge(modelName, 1L, Long::sum);
        Map<String, Object> record = new HashMap<>();
        record.put("id", id);
        if (model.hasActive()) {
            record.put("active", Boolean.TRUE);
        }
        values.forEach((name, value) -> record.put(name, normalize(model, name, value, null)));
        LocalDateTime stamp = at == null ? stamp() : at;
        record.put("create_date", stamp);
        record.put("write_date", stamp);
        tables.get(modelName).put(id, record);
        return id;
    }

    public synchronized void write(String modelName, List<Long> ids, Map<String, ?> values) {
        ModelSchema.Model model = model(modelName);
        List<Map<String, Object>> records = browse(modelName, ids);
        LocalDateTime stamp = stamp();
        Map<String, ?> writable = withoutLogAccess(values);
        for (Map<String, Object> record : records) {
            writable.forEach((name, value) -> record.put(name, normalize(model, name, value, record.get(name))));
            record.put("write_date", stamp);
        }
    }

    /** Changes a record's {@code write_date} as a write at {@code at} would have (realistic data). */
    public synchronized void touch(String modelName, long id, LocalDateTime at) {
        browse(modelName, List.of(id)).get(0).put("write_date", at);
    }

    public synchronized void unlink(String modelName, List<Long> ids) {
        browse(modelName, ids);
        ids.forEach(tables.get(modelName)::remove);
    }

    /** A write stamp later than every earlier one, so that {@code write_date} orders changes as they happened. */
    private LocalDateTime stamp() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plus(1, ChronoUnit.MICROS);
        return lastStamp;
    }

    private static Map<String, ?> withoutLogAccess(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        Stream.of("id", "create_date", "write_date", "create_uid", "write_uid", "display_name").forEach(copy::remove);
        return copy;
    }

    private Object normalize(ModelSchema.Model model, String name, Object value, Object current) {
        ModelSchema.Field field = model.field(name);
        if (field == null) {
            throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name() + "'");
        }
        if (field.type() == FieldType.BOOLEAN) {
            return Boolean.TRUE.equals(value);
        }
        if (Domain.isFalse(value)) {
            return field.type().toMany() ? List.of() : null;
        }
        return switch (field.type()) {
            case INTEGER, MANY2ONE -> {
                long id = Domain.toLong(value);
                if (field.type() == FieldType.MANY2ONE && !tables.get(field.comodel()).containsKey(id)) {
                    throw OdooError.missing(field.comodel(), List.of(id));
                }
                yield id;
            }
            case FLOAT, MONETARY -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            case DATETIME -> Domain.toDateTime(value);
            case DATE -> Domain.toDate(value).toString();
            case MANY2MANY, ONE2MANY -> toManyCommands(field, value, current);
            default -> value.toString();
        };
    }

    /** x2many values: a list of ids, or the commands {@code [6, 0, ids]}, {@code [4, id]}, {@code [3, id]}, {@code [5]}. */
    @SuppressWarnings("unchecked")
    private List<Long> toManyCommands(ModelSchema.Field field, Object value, Object current) {
        List<Long> ids = new ArrayList<>(current == null ? List.of() : (List<Long>) current);
        if (!(value instanceof List<?> list)) {
            throw OdooError.valueError("Wrong value for " + field.name() + ": " + value);
        }
        if (list.isEmpty() || list.get(0) instanceof Number) {
            return list.stream().map(Domain::toLong).toList();
        }
        for (Object command : list) {
            List<?> parts = (List<?>) command;
            int code = (int) Domain.toLong(parts.get(0));
            switch (code) {
                case 6 -> {
                    ids.clear();
                    ((List<?>) parts.get(2)).forEach(id -> ids.add(Domain.toLong(id)));
                }
                case 4 -> {
                    long id = Domain.toLong(parts.get(1));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                case 3 -> ids.remove(Long.valueOf(Domain.toLong(parts.get(1))));
                case 5 -> ids.clear();
                default -> throw OdooError.valueError("Unsupported x2many command " + command);
            }
        }
        return List.copyOf(ids);
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** The ids matching {@code domain}, ordered as {@code order} (or the model's default) says. */
    public synchronized List<Long> search(String modelName, Object domain, int offset, Integer limit, String order,
            Map<String, ?> context) {
        return matching(modelName, domain, offset, limit, order, context).stream()
                .map(r -> (Long) r.get("id")).toList();
    }

    public synchronized int count(String modelName, Object domain, Map<String, ?> context) {
        return matching(modelName, domain, 0, null, "id", context).size();
    }

    public synchronized List<Map<String, Object>> searchRead(String modelName, Object domain, List<String> fields,
            int offset, Integer limit, String order, Map<String, ?> context) {
        ModelSchema.Model model = model(modelName);
        List<String> names = fieldNames(model, fields);
        return matching(modelName, domain, offset, limit, order, context).stream()
                .map(r -> render(model, r, names)).toList();
    }

    /** {@code read}: every id must exist (archived ones too), else a {@code MissingError}. */
    public synchronized List<Map<String, Object>> read(String modelName, List<Long> ids, List<String> fields) {
        ModelSchema.Model model = model(modelName);
        List<String> names = fieldNames(model, fields);
        return browse(modelName, ids).stream().map(r -> render(model, r, names)).toList();
    }

    private List<Map<String, Object>> browse(String modelName, List<Long> ids) {
        TreeMap<Long, Map<String, Object>> table = tables.get(model(modelName).name());
        List<Long> missing = ids.stream().filter(id -> !table.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw OdooError.missing(modelName, missing);
        }
        return ids.stream().map(table::get).toList();
    }

    private List<Map<String, Object>> matching(String modelName, Object domain, int offset, Integer limit,
            String order, Map<String, ?> context) {
        ModelSchema.Model model = model(modelName);
        Domain parsed = Domain.parse(domain, model);
        boolean activeTest = model.hasActive() && !parsed.mentionsActive()
                && (context == null || !Boolean.FALSE.equals(context.get("active_test")));
        Comparator<Map<String, Object>> comparator = comparator(model, order == null || order.isBlank()
                ? model.defaultOrder() : order);
        List<Map<String, Object>> found = tables.get(modelName).values().stream()
                .filter(r -> !activeTest || Boolean.TRUE.equals(r.get("active")))
                .filter(parsed::test)
                .sorted(comparator)
                .toList();
        int from = Math.min(Math.max(offset, 0), found.size());
        int to = limit == null || limit <= 0 ? found.size() : Math.min(found.size(), from + limit);
        return found.subList(from, to);
    }

    /** {@code "write_date asc, id desc"}; NULLs last ascending and first descending, as PostgreSQL sorts them. */
    private static Comparator<Map<String, Object>> comparator(ModelSchema.Model model, String order) {
        Comparator<Map<String, Object>> comparator = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            String name = words[0];
            ModelSchema.Field field = model.field(name);
            if (field == null || field.type().toMany()) {
                throw OdooError.valueError("Invalid field " + name + " in order " + order);
            }
            boolean descending = words.length > 1 && "desc".equals(words[1].toLowerCase(Locale.ROOT));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Object> values = (a, b) -> ((Comparable) a).compareTo(b);
            Comparator<Map<String, Object>> next = Comparator.comparing(r -> r.get(name),
                    Comparator.nullsLast(values));
            if (descending) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        return comparator.thenComparing(r -> (Long) r.get("id"));
    }

    private static List<String> fieldNames(ModelSchema.Model model, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return List.copyOf(model.fields().keySet());
        }
        for (String name : fields) {
            if (model.field(name) == null) {
                throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name() + "'");
            }
        }
        List<String> names = new ArrayList<>();
        names.add("id");
        fields.stream().filter(n -> !"id".equals(n)).forEach(names::add);
        return names;
    }

    private Map<String, Object> render(ModelSchema.Model model, Map<String, Object> record, List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            ModelSchema.Field field = model.field(name);
            Object value = "display_name".equals(name) ? displayName(model.name(), record) : record.get(name);
            out.put(name, renderValue(field, value));
        }
        return out;
    }

    private Object renderValue(ModelSchema.Field field, Object value) {
        return switch (field.type()) {
            case BOOLEAN -> Boolean.TRUE.equals(value);
            case MANY2MANY, ONE2MANY -> value == null ? List.of() : value;
            case MANY2ONE -> {
                if (value == null) {
                    yield false;
                }
                Map<String, Object> target = tables.get(field.comodel()).get((Long) value);
                yield target == null ? false : List.of(value, displayName(field.comodel(), target));
            }
            case DATETIME -> value == null ? false : format(value);
            default -> value == null ? false : value;
        };
    }

    private static String format(Object dateTime) {
        return dateTime instanceof LocalDateTime t ? Domain.ODOO_DATETIME.format(t) : Objects.toString(dateTime);
    }

    private static String displayName(String model, Map<String, Object> record) {
        Object name = record.get("name");
        if (name == null && "mail.message".equals(model)) {
            name = record.get("record_name");
        }
        return name == null ? model + "," + record.get("id") : name.toString();
    }

    /** How many records each model holds (archived included). */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((name, table) -> counts.put(name, table.size()));
        return counts;
    }

    /** The raw stored record, for the stand-in's own use. */
    synchronized Map<String, Object> stored(String modelName, long id) {
        return browse(modelName, List.of(id)).get(0);
    }
}
