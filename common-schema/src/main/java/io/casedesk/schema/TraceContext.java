package io.casedesk.schema;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}). One
 * customer message keeps one trace id from the channel through every service and back; each hop (a Kafka record,
 * a call to LINE, an email) gets a child: the same trace id under a new span id.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId  16 lowercase hex digits, not all zero
 * @param flags   2 lowercase hex digits; {@code 01} is sampled
 */
public record TraceContext(String traceId, String spanId, String flags) {

    /** The name of the HTTP header, Kafka record header and mail header that carries it. */
    public static final String HEADER = "traceparent";
    public static final String SAMPLED = "01";

    private static final String VERSION = "00";
    private static final int LENGTH = 55;
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern FLAGS = Pattern.compile("[0-9a-f]{2}");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_SPAN_ID = "0".repeat(16);

    public TraceContext {
        require(traceId, TRACE_ID, ZERO_TRACE_ID, "traceId");
        require(spanId, SPAN_ID, ZERO_SPAN_ID, "spanId");
        require(flags, FLAGS, null, "flags");
    }

    /**
     * The context a {@code traceparent} value holds, or empty when it is absent or not valid. Version {@code 00}
     * must be exactly 55 characters; a later version may append fields, which are ignored (W3C Trace Context §3.2.4).
     * Upper-case hex is not valid.
     */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        String value = traceparent.trim();
        if (value.length() < LENGTH || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        if (!FLAGS.matcher(version).matches() || version.equals("ff")
                || (version.equals(VERSION) ? value.length() != LENGTH
                        : value.length() > LENGTH && value.charAt(LENGTH) != '-')) {
            return Optional.empty();
        }
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!valid(traceId, TRACE_ID, ZERO_TRACE_ID) || !valid(spanId, SPAN_ID, ZERO_SPAN_ID)
                || !FLAGS.matcher(flags).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceId, spanId, flags));
    }

    /** True when {@code traceparent} is a valid value (see {@link #parse}). */
    public static boolean isValid(String traceparent) {
        return parse(traceparent).isPresent();
    }

    /** The start of a new trace: random ids, sampled. */
    public static TraceContext newTrace() {
        return new TraceContext(randomHex(32, ZERO_TRACE_ID), randomHex(16, ZERO_SPAN_ID), SAMPLED);
    }

    /**
     * A child of {@code traceparent}, or the start of a new trace when it is absent or not valid (an event from
     * before tracing, or written by hand): every hop carries a valid context either way.
     */
    public static TraceContext childOf(String traceparent) {
        return parse(traceparent).map(TraceContext::child).orElseGet(TraceContext::newTrace);
    }

    /** A header's bytes (Kafka record headers carry the value as US-ASCII) as a value, {@code null} for none. */
    public static String fromHeaderBytes(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.US_ASCII);
    }

    /** The trace id of {@code traceparent}, or empty when it is absent or not valid. */
    public static Optional<String> traceIdOf(String traceparent) {
        return parse(traceparent).map(TraceContext::traceId);
    }

    /** The same trace and flags under a new span id. */
    public TraceContext child() {
        String next;
        do {
            next = randomHex(16, ZERO_SPAN_ID);
        } while (next.equals(spanId));
        return new TraceContext(traceId, next, flags);
    }

    public boolean sampled() {
        return (Integer.parseInt(flags, 16) & 1) == 1;
    }

    /** The {@code traceparent} value, version {@code 00}. */
    public String traceparent() {
        return VERSION + "-" + traceId + "-" + spanId + "-" + flags;
    }

    @Override
    public String toString() {
        return traceparent();
    }

    private static String randomHex(int digits, String zero) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String hex;
        do {
            StringBuilder builder = new StringBuilder(digits);
            for (int i = 0; i < digits; i += 16) {
                String part = Long.toHexString(random.nextLong());
                builder.append("0".repeat(16 - part.length())).append(part);
            }
            hex = builder.substring(0, digits).toLowerCase(Locale.ROOT);
        } while (hex.equals(zero));
        return hex;
    }

    private static boolean valid(String value, Pattern pattern, String zero) {
        return value != null && pattern.matcher(value).matches() && !value.equals(zero);
    }

    private static void require(String value, Pattern pattern, String zero, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches() || value.equals(zero)) {
            throw new IllegalArgumentException(what + " is not valid for a W3C traceparent: '" + value + "'");
        }
    }
}
