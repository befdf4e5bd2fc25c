package io.casedesk.ingress.email.messaging;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.TurnKind;

import java.time.Instant;
import java.util.Locale;

/**
 * The events that tell what became of an outbound email. Their ids carry the status, so a failed attempt
 * and a later successful one are two events, not one that a consumer would drop as a duplicate.
 */
public final class DeliveryEvents {

    private static final String METHOD = "smtp";
    /** The handoff reason when an answer could not be delivered (the same as the LINE channel's). */
    public static final String HANDOFF_REASON = "delivery_failed";

    public static Envelope<DeliveryReport> report(Envelope<OutboundEmailMessage> outbound, DeliveryStatus status,
            String detail, Instant now) {
        return outbound.follow("delivery:" + wireName(status), now,
                new DeliveryReport(Channel.EMAIL, outbound.eventId(), status, METHOD, detail));
    }

    /** The audit log entry: the system delivered (or failed to deliver) an answer to this address. */
    public static Envelope<ConversationTurn> turn(Envelope<OutboundEmailMessage> outbound, DeliveryStatus status,
            Instant now) {
        return outbound.follow("delivery-turn:" + wireName(status), now,
                new ConversationTurn(TurnKind.DELIVERY, Channel.EMAIL, outbound.payload().to(), null, "system", null,
                        null, wireName(status)));
    }

    /**
     * The customer did not get the answer: a person takes the conversation over, with the undelivered text as
     * the draft. {@code HandoffRequest} expects the triaged message, which the outbound event does not carry;
     * the conversation id (the envelope's key), the causation id (this outbound event) and the draft identify it.
     */
    public static Envelope<HandoffRequest> handoff(Envelope<OutboundEmailMessage> outbound, Instant now) {
        return outbound.follow("delivery-handoff", now,
                new HandoffRequest(HANDOFF_REASON, null, null, outbound.payload().text()));
    }

    private static String wireName(DeliveryStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private DeliveryEvents() {
    }
}
