package io.casedesk.ingress.email.messaging;

import io.casedesk.ingress.email.inbound.ParsedMail;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;

import java.time.Instant;
import java.util.Locale;

/**
 * The events for a read mail; ids derive from its Message-ID, so re-reading a mail repeats the same ids. Each mail
 * starts a trace of its own (mail carries no trace context CaseDesk could trust).
 */
public final class InboundEvents {

    /** Conversation key of a bounce whose report names no recipient. */
    static final String UNKNOWN_RECIPIENT = "unknown-recipient";

    public static Envelope<InboundMessage> inbound(ParsedMail.Inbound parsed) {
        InboundMessage message = parsed.message();
        String mailbox = message.email().mailbox();
        return Envelope.of(EventIds.emailInbound(mailbox, message.email().messageId()), message.receivedAt(),
                ConversationIds.email(mailbox, message.senderId()), null, TraceContext.newTrace().traceparent(),
                message);
    }

    /** The audit log entry; its detail says why an automatic mail is not answered. */
    public static Envelope<ConversationTurn> turn(Envelope<InboundMessage> inbound, String autoReason) {
        InboundMessage message = inbound.payload();
        String detail = autoReason != null ? "automatic:" + autoReason : message.kind().name().toLowerCase(Locale.ROOT);
        return inbound.follow("conversation-turn", inbound.occurredAt(), new ConversationTurn(TurnKind.INBOUND,
                Channel.EMAIL, message.senderId(), null, "customer", message.text(), null, detail));
    }

    /**
     * A bounce as the failure of the reply it bounced. Its id differs from the SMTP sender's own "failed"
     * report, so a reply that was accepted by SMTP and bounced later has both events.
     */
    public static Envelope<DeliveryReport> bounce(ParsedMail.Bounce bounce, String mailbox, Instant now) {
        String recipient = bounce.failedRecipient() != null ? bounce.failedRecipient() : UNKNOWN_RECIPIENT;
        String detail = "bounced" + (bounce.status() != null ? " " + bounce.status() : "");
        return Envelope.of(EventIds.derive(bounce.outboundEventId(), "delivery:bounced"), now,
                ConversationIds.email(mailbox, recipient), bounce.outboundEventId(), TraceContext.newTrace().traceparent(),
                new DeliveryReport(Channel.EMAIL, bounce.outboundEventId(), DeliveryStatus.FAILED, "smtp", detail));
    }

    private InboundEvents() {
    }
}
