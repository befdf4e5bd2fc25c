package io.casedesk.ingress.email.mime;

/**
 * Bounds against hostile mail: a message beyond any of them is quarantined instead of parsed further.
 *
 * @param maxBytes the raw message's size
 * @param maxParts MIME parts in the whole tree
 * @param maxDepth nesting of multiparts
 */
public record MailLimits(long maxBytes, int maxParts, int maxDepth) {

    public static final MailLimits DEFAULT = new MailLimits(25L * 1024 * 1024, 200, 10);

    /** The mail crossed one of the limits; the message says which, as the quarantine reason. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String reason) {
            super(reason, null, false, false);
        }
    }
}
