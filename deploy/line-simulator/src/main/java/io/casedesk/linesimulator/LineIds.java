package io.casedesk.linesimulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Ids shaped like LINE's own. */
final class LineIds {

    private static final char[] CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern TRACEPARENT = java.util.regex.Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(500_000_000_000_000_000L + RANDOM.nextInt(1 << 30));

    /** A webhook event id: a ULID (48-bit millisecond time, 80 random bits, Crockford base32). */
    static String webhookEventId() {
        char[] id = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD_BASE32[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < id.length; i++) {
            id[i] = CROCKFORD_BASE32[RANDOM.nextInt(32)];
        }
        return new String(id);
    }

    /** A reply token or request id: 32 random hex digits. */
    static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A W3C {@code traceparent} that starts a new, sampled trace. */
    static String traceparent() {
        return "00-" + randomHex() + "-" + randomHex().substring(0, 16) + "-01";
    }

    /** True for a W3C {@code traceparent} of version 00 (lowercase hex, ids not all zero). */
    static boolean isTraceparent(String value) {
        return value != null && TRACEPARENT.matcher(value).matches();
    }

    /** A message id: LINE's are numeric strings. */
    static String messageId() {
        return Long.toString(MESSAGE_IDS.incrementAndGet());
    }

    private LineIds() {
    }
}
