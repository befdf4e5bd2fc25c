package io.casedesk.handoff.model;

import io.casedesk.schema.Channel;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.LineSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a ticket's answers go, taken from the customer's latest message: the LINE chat, or the email thread
 * (answers go to the verified {@code From}, never to a differing {@code Reply-To}, DESIGN §4).
 *
 * @param inboundEventId the customer's latest message, answered by the next agent message
 */
public record ReplyTarget(
        Channel channel,
        String lineDestination,
        String lineTo,
        String lineMessageId,
        String mailbox,
        String emailTo,
        String subject,
        String messageId,
        List<String> references,
        String inboundEventId,
        String inboundText) {

    public ReplyTarget {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Nowhere to answer: a handoff without the customer's message. */
    public static ReplyTarget none(Channel channel) {
        return new ReplyTarget(channel, null, null, null, null, null, null, null, List.of(), null, null);
    }

    public static ReplyTarget of(InboundMessage inbound, String inboundEventId) {
        if (inbound.channel() == Channel.EMAIL && inbound.email() != null) {
            EmailSource email = inbound.email();
            List<String> references = new ArrayList<>(email.references());
            if (email.messageId() != null && !references.contains(email.messageId())) {
                references.add(email.messageId());
            }
            return new ReplyTarget(Channel.EMAIL, null, null, null, email.mailbox(), email.from(),
                    replySubject(email.subject()), email.messageId(), references, inboundEventId, inbound.text());
        }
        if (inbound.line() != null) {
            LineSource line = inbound.line();
            String chat = line.groupId() != null ? line.groupId() : line.roomId() != null ? line.roomId() : line.userId();
            return new ReplyTarget(Channel.LINE, line.destination(), chat, line.messageId(), null, null, null, null,
                    List.of(), inboundEventId, inbound.text());
        }
        return new ReplyTarget(inbound.channel(), null, null, null, null, null, null, null, List.of(), inboundEventId,
                inbound.text());
    }

    /** Whether an answer can be sent at all. */
    public boolean reachable() {
        return channel == Channel.LINE ? lineDestination != null && lineTo != null
                : channel == Channel.EMAIL && mailbox != null && emailTo != null;
    }

    /** The inbound event id of a channel message, as the ingress services derive it (DESIGN §2). */
    public static String inboundEventId(InboundMessage inbound) {
        if (inbound.line() != null && inbound.line().webhookEventId() != null) {
            return EventIds.lineInbound(inbound.line().webhookEventId());
        }
        if (inbound.email() != null && inbound.email().messageId() != null && inbound.email().mailbox() != null) {
            return EventIds.emailInbound(inbound.email().mailbox(), inbound.email().messageId());
        }
        return null;
    }

    static String replySubject(String subject) {
        String base = subject == null ? "" : subject.strip();
        while (base.regionMatches(true, 0, "re:", 0, 3)) {
            base = base.substring(3).strip();
        }
        return "Re: " + base;
    }
}
