package io.casedesk.ingress.email.messaging;

import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.TurnKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryEventsTest {

    private final Envelope<OutboundEmailMessage> outbound = TestEvents.outbound("lin@example.com");

    @Test
    void reportsTheOutcomeInTheSameConversation() {
        Envelope<DeliveryReport> report = DeliveryEvents.report(outbound, DeliveryStatus.SENT, null, Instant.now());

        assertThat(report.conversationId()).isEqualTo(outbound.conversationId());
        assertThat(report.causationId()).isEqualTo(outbound.eventId());
        assertThat(report.payload())
                .isEqualTo(new DeliveryReport(Channel.EMAIL, outbound.eventId(), DeliveryStatus.SENT, "smtp", null));
    }

    @Test
    void aFailureAndALaterSuccessAreTwoEvents() {
        Instant now = Instant.now();

        assertThat(DeliveryEvents.report(outbound, DeliveryStatus.FAILED, "TimeoutException", now).eventId())
                .isNotEqualTo(DeliveryEvents.report(outbound, DeliveryStatus.SENT, null, now).eventId());
        assertThat(DeliveryEvents.turn(outbound, DeliveryStatus.FAILED, now).eventId())
                .isNotEqualTo(DeliveryEvents.turn(outbound, DeliveryStatus.SENT, now).eventId());
    }

    @Test
    void recordsADeliveryTurnForTheRecipient() {
        ConversationTurn turn = DeliveryEvents.turn(outbound, DeliveryStatus.SENT, Instant.now()).payload();

        assertThat(turn.kind()).isEqualTo(TurnKind.DELIVERY);
        assertThat(turn.identity()).isEqualTo("lin@example.com");
        assertThat(turn.actor()).isEqualTo("system");
        assertThat(turn.detail()).isEqualTo("sent");
        assertThat(turn.text()).isNull();
    }

    @Test
    void handsAnUndeliveredAnswerToAPersonWithItsTextAsTheDraft() {
        Envelope<HandoffRequest> handoff = DeliveryEvents.handoff(outbound, Instant.now());

        assertThat(handoff.eventId()).isEqualTo(EventIds.derive(outbound.eventId(), "delivery-handoff"));
        assertThat(handoff.conversationId()).isEqualTo(outbound.conversationId());
        assertThat(handoff.causationId()).isEqualTo(outbound.eventId());
        assertThat(handoff.payload())
                .isEqualTo(new HandoffRequest("delivery_failed", null, null, outbound.payload().text()));
    }
}
