package io.casedesk.ingress.email.mapping;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
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

    private static String wireName(DeliveryStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private DeliveryEvents() {
    }
}
