package io.casedesk.schema;

import java.util.List;

/**
 * An email to send in the customer's thread. Published to {@link Topics#OUTBOUND_EMAIL}.
 *
 * @param mailbox          the support address that sends
 * @param to               the recipient: the verified {@code From} of the inbound when case facts are included
 * @param inReplyTo        {@code Message-ID} of the message answered
 * @param references       the thread's {@code References} chain
 * @param quotedText       the customer's text, quoted below the answer
 */
public record OutboundEmailMessage(
        String mailbox,
        String to,
        String subject,
        String text,
        String inReplyTo,
        List<String> references,
        String quotedText,
        String inReplyToEventId,
        AnswerKind answerKind) implements EventPayload {

    public OutboundEmailMessage {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
