package io.casedesk.ingress.email.inbound;

import io.casedesk.schema.InboundMessage;

/** What a raw email turned into: a customer's message, a bounce of one of our replies, or a quarantine. */
public sealed interface ParsedMail {

    /**
     * A message to publish. Auto-replies and bulk mail are of kind {@code OTHER}, so
     * {@link InboundMessage#answerable()} is false and nobody answers them (no mail loops).
     *
     * @param autoReason why the mail counts as automatic ({@code auto-submitted}, {@code list-id}, ...), or null
     */
    record Inbound(InboundMessage message, String autoReason) implements ParsedMail {
        public boolean automatic() {
            return autoReason != null;
        }
    }

    /**
     * A delivery-status report for one of our outgoing replies.
     *
     * @param outboundEventId   the event id in the bounced reply's {@code Message-ID}
     * @param failedRecipient   the Final-Recipient, lower-cased, or null when the report does not name it
     * @param status            the DSN status code (e.g. {@code 5.1.1}), or null
     */
    record Bounce(String outboundEventId, String failedRecipient, String status, String messageId)
            implements ParsedMail {
    }

    /** A mail that cannot be turned into a message; {@code reason} is short and quotes nothing of the mail. */
    record Quarantined(String reason, String messageId) implements ParsedMail {
    }
}
