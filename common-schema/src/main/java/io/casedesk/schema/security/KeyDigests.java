package io.casedesk.schema.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys as the services keep them: only the SHA-256 of each key is configured, so a configuration never holds a
 * usable key. A plain SHA-256 suits random keys (unlike passwords, nothing to guess) and is cheap on every request.
 * A presented key is compared with every configured digest in constant time, so the time taken tells nothing of
 * which one, or how much of one, it matched.
 */
public final class KeyDigests {

    /** A SHA-256 digest written in hex. */
    public static final int HEX_LENGTH = 64;

    private static final String BEARER_PREFIX = "Bearer ";

    private KeyDigests() {
    }

    /** The SHA-256 of the key's UTF-8 bytes. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The SHA-256 of the key in hex: what a service is configured with instead of the key. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether {@code hex} (trimmed) is a SHA-256 digest in hex. */
    public static boolean isHexDigest(String hex) {
        String trimmed = hex.trim();
        return trimmed.length() == HEX_LENGTH && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The configured digest {@code hex} of {@code property}; a clear error naming the property when it is none. */
    public static byte[] parseHex(String hex, String property) {
        if (!isHexDigest(hex)) {
            throw new IllegalArgumentException(property + " is not a hex SHA-256 digest");
        }
        return HexFormat.of().parseHex(hex.trim());
    }

    /** Whether the presented key's digest is one of {@code digests}; each is compared, in constant time. */
    public static boolean matchesAny(String presented, Collection<byte[]> digests) {
        byte[] presentedDigest = sha256(presented);
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, presentedDigest);
        }
        return found;
    }

    /** The configured digest of an optional setting: none when it is absent or blank, else the one it names. */
    public static List<byte[]> configured(Optional<String> hex, String property) {
        return hex.map(String::trim).filter(h -> !h.isEmpty()).map(h -> List.of(parseHex(h, property)))
                .orElse(List.of());
    }

    /** Whether an {@code Authorization} header's value is {@code Bearer <key>} with a key of one of {@code digests}. */
    public static boolean authorizes(String authorization, Collection<byte[]> digests) {
        return bearerToken(authorization).filter(key -> matchesAny(key, digests)).isPresent();
    }

    /** The token of an {@code Authorization} header's value {@code Bearer <token>}; empty for any other value. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
