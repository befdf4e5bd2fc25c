package io.casedesk.cases.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.cases.bundle.constraints.Required;
import io.casedesk.cases.model.CaseStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a bundle document to {@link ImportBundle} with Jackson. A value of the wrong JSON type or format does not
 * stop the binding: it is noted as a problem at its path and read as null, so that one pass finds every such value.
 * Values are strict: a number is no string, {@code "true"} no boolean, {@code "30000"} no amount.
 */
final class BundleBinding {

    static final String MUST_BE_A_STRING = "must be a string";

    private static final ObjectReader READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("import-bundle-values")
                    .addDeserializer(String.class, new Text())
                    .addDeserializer(Boolean.class, new Flag())
                    .addDeserializer(BigDecimal.class, new Amount())
                    .addDeserializer(LocalDate.class, new Formatted<>(LocalDate.class,
                            "must be a date as YYYY-MM-DD", text -> LocalDate.parse(text.trim())))
                    .addDeserializer(LocalTime.class, new Formatted<>(LocalTime.class,
                            "must be a time as HH:mm", text -> LocalTime.parse(text.trim(), ImportBundle.CLOCK_TIME)))
                    .addDeserializer(Instant.class, new Formatted<>(Instant.class,
                            "must be a date-time with offset, e.g. 2026-03-02T10:00:00+08:00",
                            // PostgreSQL keeps microseconds: a finer instant would never compare equal again.
                            text -> OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(ChronoUnit.MICROS)))
                    .addDeserializer(CaseStatus.class, new Formatted<>(CaseStatus.class,
                            "must be one of " + String.join(", ", CaseStatus.wireNames()),
                            text -> CaseStatus.fromWireName(text).orElseThrow())))
            .build()
            .readerFor(ImportBundle.class);

    private BundleBinding() {
    }

    /** The bundle; each value that could not be read is in {@code problems}, and null in the bundle. */
    static ImportBundle bind(JsonNode document, List<BundleProblem> problems) {
        JsonNode remaining = document;
        for (int attempt = 0; ; attempt++) {
            List<BundleProblem> collected = new ArrayList<>();
            try {
                ImportBundle bundle = READER.withHandler(new ProblemCollector(collected)).readValue(remaining);
                problems.addAll(collected);
                return bundle;
            } catch (MismatchedInputException e) {
                // The few values Jackson fails on instead of asking the collector ("" where an object or a list
                // belongs): noted, taken out, and the bundle bound again. Bounded, as each round reads it all.
                problems.add(new BundleProblem(path(e.getPath()), expected(e.getTargetType(), inArray(e.getPath()))));
                if (attempt == MAX_REBINDS || e.getPath().isEmpty()) {
                    problems.addAll(collected);
                    return null;
                }
                remaining = remaining == document ? document.deepCopy() : remaining;
                setNull(remaining, e.getPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final int MAX_REBINDS = 50;

    private static void setNull(JsonNode document, List<JsonMappingException.Reference> path) {
        JsonNode parent = document;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.putNull(last.getFieldName());
        } else if (parent instanceof ArrayNode array) {
            array.set(last.getIndex(), NullNode.getInstance());
        }
    }

    private static boolean inArray(List<JsonMappingException.Reference> path) {
        return !path.isEmpty() && path.get(path.size() - 1).getFieldName() == null;
    }

    /** What a value of {@code type} must be, when it is not. */
    private static String expected(Class<?> type, boolean inArray) {
        if (Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type == Boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == String.class && inArray) {
            return ImportBundle.MUST_BE_A_NON_BLANK_STRING;
        }
        if (type == String.class || type.isEnum() || Temporal.class.isAssignableFrom(type)) {
            return MUST_BE_A_STRING;
        }
        return ImportBundle.MUST_BE_AN_OBJECT;
    }

    /** The context that holds the current value (at the start of an object or array, the parser is already inside). */
    private static JsonStreamContext valueContext(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        return parser.hasToken(JsonToken.START_OBJECT) || parser.hasToken(JsonToken.START_ARRAY)
                ? context.getParent() : context;
    }

    /** {@code $.cases[3].openedAt} for the value the parser is at. */
    private static String path(JsonParser parser) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext context = valueContext(parser); context != null; context = context.getParent()) {
            if (context.inArray() && context.hasCurrentIndex()) {
                segments.push("[" + context.getCurrentIndex() + "]");
            } else if (context.inObject() && context.hasCurrentName()) {
                segments.push("." + context.getCurrentName());
            }
        }
        return "$" + String.join("", segments);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    /** Notes each value Jackson cannot bind, and binds it as null. */
    private static final class ProblemCollector extends DeserializationProblemHandler {

        private final List<BundleProblem> problems;

        ProblemCollector(List<BundleProblem> problems) {
            this.problems = problems;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                            JsonParser parser, String failureMsg) throws IOException {
            return skip(parser, expected(targetType.getRawClass(), valueContext(parser).inArray()));
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser parser, String msg)
                throws IOException {
            return skip(parser, expected(instClass, valueContext(parser).inArray()));
        }

        /** Only the readers below call this, each with its own message. */
        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            problems.add(new BundleProblem(path(ctxt.getParser()), failureMsg));
            return null;
        }

        private Object skip(JsonParser parser, String message) throws IOException {
            problems.add(new BundleProblem(path(parser), message));
            parser.skipChildren();
            return null;
        }
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            return parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText()
                    : (String) ctxt.handleUnexpectedToken(String.class, parser);
        }
    }

    private static final class Flag extends StdScalarDeserializer<Boolean> {

        Flag() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            return parser.hasToken(JsonToken.VALUE_TRUE) || parser.hasToken(JsonToken.VALUE_FALSE)
                    ? Boolean.valueOf(parser.getBooleanValue())
                    : (Boolean) ctxt.handleUnexpectedToken(Boolean.class, parser);
        }
    }

    private static final class Amount extends StdScalarDeserializer<BigDecimal> {

        Amount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            return parser.currentToken().isNumeric() ? parser.getDecimalValue()
                    : (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, parser);
        }
    }

    /**
     * A value the bundle writes as text in a format of its own. Blank is "must not be blank" where the value is
     * {@link Required}, else a value in the wrong format, as any other.
     */
    private static final class Formatted<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final String expected;
        private final Function<String, T> parse;
        private final boolean required;

        Formatted(Class<T> type, String expected, Function<String, T> parse) {
            this(type, expected, parse, false);
        }

        private Formatted(Class<T> type, String expected, Function<String, T> parse, boolean required) {
            super(type);
            this.expected = expected;
            this.parse = parse;
            this.required = required;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean requiredHere = property != null && property.getAnnotation(Required.class) != null;
            return requiredHere == required ? this
                    : new Formatted<>((Class<T>) handledType(), expected, parse, requiredHere);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            if (required && text.isBlank()) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "must not be blank");
            }
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, expected);
            }
        }
    }
}
