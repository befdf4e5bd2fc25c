package io.casedesk.ingress.line.messaging;

import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.ingress.line.service.LineSender.Outcome;
import io.casedesk.ingress.line.service.LineSender;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.TurnKind;
import io.smallrye.mutiny.Uni;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;

/**
 * Sends what arrives on {@code cs.outbound.line.v1} and reports each send on {@code cs.delivery.v1} and
 * {@code cs.conversation.v1}. The record is acknowledged (its offset committed) only after both reports;
 * a record that is not an envelope fails, and the failure strategy parks it on the dead-letter topic.
 */
@ApplicationScoped
public class OutboundLineConsumer {

    private static final Logger LOG = Logger.getLogger(OutboundLineConsumer.class);

    private final LineSender sender;
    private final EventPublisher publisher;
    private final RecentEventIds sentEvents;

    public OutboundLineConsumer(LineSender sender, EventPublisher publisher, LineConfig config) {
        this.sender = sender;
        this.publisher = publisher;
        this.sentEvents = new RecentEventIds(config.idempotencyCapacity());
    }

    @Incoming("outbound-line")
    public Uni<Void> onRecord(String record) {
        return Uni.createFrom().item(() -> EventCodec.shared().decode(record)).flatMap(this::handle);
    }

    private Uni<Void> handle(Envelope<EventPayload> envelope) {
        if (!(envelope.payload() instanceof OutboundLineMessage)) {
            LOG.debugf("Skipped event %s of type %s", envelope.eventId(), envelope.type());
            return Uni.createFrom().voidItem();
        }
        if (envelope.replay()) {
            LOG.debugf("Skipped replayed event %s: replays never write to LINE", envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        if (!sentEvents.claim(envelope.eventId())) {
            LOG.infof("Skipped event %s: already sent", envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        Envelope<OutboundLineMessage> outbound = envelope.as(OutboundLineMessage.class);
        return sender.send(outbound.eventId(), outbound.payload())
                .invoke(outcome -> {
                    LOG.infof("Outbound %s: %s by %s%s", outbound.eventId(), outcome.status(), outcome.method(),
                            outcome.detail() == null ? "" : " (" + outcome.detail() + ")");
                    if (outcome.status() == DeliveryStatus.FAILED) {
                        // A later redelivery of the record may try again.
                        sentEvents.release(outbound.eventId());
                    }
                })
                .flatMap(outcome -> report(outbound, outcome));
    }

    private Uni<Void> report(Envelope<OutboundLineMessage> outbound, Outcome outcome) {
        Instant now = Instant.now();
        Envelope<DeliveryReport> report = outbound.follow("delivery", now, new DeliveryReport(Channel.LINE,
                outbound.eventId(), outcome.status(), outcome.method(), outcome.detail()));
        String status = outcome.status().name().toLowerCase(Locale.ROOT);
        Envelope<ConversationTurn> turn = outbound.follow("delivery-turn", now, new ConversationTurn(TurnKind.DELIVERY,
                Channel.LINE, outbound.payload().to(), null, "system", null, null,
                outcome.method() == null ? status : status + ":" + outcome.method()));
        return Uni.join().all(publisher.delivery(report), publisher.conversation(turn))
                .andCollectFailures().replaceWithVoid();
    }
}
