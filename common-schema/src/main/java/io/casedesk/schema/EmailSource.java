package io.casedesk.schema;

import java.util.List;

/**
 * Email-specific facts of an inbound message.
 *
 * @param mailbox     the support address the message arrived at
 * @param from        the sender's address (lower-cased); answers with case facts go only here
 * @param replyTo     the {@code Reply-To} address when it differs from {@code from}
 * @param messageId   the {@code Message-ID} header, with angle brackets
 * @param references  the {@code References} chain, oldest first
 */
public record EmailSource(
        String mailbox,
        String from,
        String fromName,
        String replyTo,
        String subject,
        String messageId,
        String inReplyTo,
        List<String> references) {
}
