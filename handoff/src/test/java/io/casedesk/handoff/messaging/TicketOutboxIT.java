package io.casedesk.handoff.messaging;

import io.casedesk.handoff.lifecycle.TicketIntake;
import io.casedesk.handoff.model.CaseSummaryStatus;
import io.casedesk.handoff.service.CustomerLookup;
import io.casedesk.handoff.support.Broker;
import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A ticket's change and the events it causes are one transaction: they leave through the outbox once it commits,
 * never for a change that did not, and a relay that publishes them twice changes nothing twice downstream.
 */
@QuarkusTest
class TicketOutboxIT extends HandoffTestBase {

    private static final CustomerLookup.Customer UNKNOWN =
            new CustomerLookup.Customer(CaseSummaryStatus.UNKNOWN_CUSTOMER, null, null, false, List.of(), Map.of());

    @Inject
    TicketIntake intake;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void aTicketWhoseCommitFailsAfterItsEventsWereWrittenSendsNothingAndOpensNothing() {
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound("Uoutbox0000000000000000000000001",
                "我要找人", clock.instant()));
        String ticketId = ticketIdOf(request);

        // The whole change is made, its events (HUMAN state, handoff turn) included, where handoff used to publish
        // them; then the commit fails.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            intake.onHandoff(request, UNKNOWN);
            transactions.registerInterposedSynchronization(new FailingCommit());
        })).isInstanceOf(RuntimeException.class);

        assertThat(count("select count(*) from tickets where id = '" + ticketId + "'")).isZero();
        assertThat(count("select count(*) from processed_events where event_id = '" + request.eventId() + "'")).isZero();
        assertThat(count("select count(*) from outbox_events")).isZero();

        // The redelivered request opens the ticket; its events leave once, so none had left before.
        broker.publish(Topics.HANDOFF, request);
        awaitState(request, ConversationMode.HUMAN, "needs_human");
        awaitTicket(ticketId);
        broker.await(Topics.CONVERSATION, request.conversationId(), ConversationTurn.class,
                turn -> turn.kind() == TurnKind.HANDOFF);
        List<Envelope<EventPayload>> states = broker.snapshot(Topics.CONVERSATION_STATE, request.conversationId());
        assertThat(states).filteredOn(state -> request.eventId().equals(state.causationId())).hasSize(1);
        assertThat(broker.snapshot(Topics.CONVERSATION, request.conversationId()))
                .filteredOn(turn -> turn.eventId().equals(EventIds.derive(request.eventId(), "handoff-turn"))).hasSize(1);
    }

    @Test
    void aRelayThatDiesAfterPublishingSendsTheSameEventsAgainAndTheirConsumersCountThemOnce() {
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound("Uoutbox0000000000000000000000002",
                "我要找人", clock.instant()));
        String handoffTurnId = EventIds.derive(request.eventId(), "handoff-turn");
        // The relay publishes, then its delete fails: as if it died after the broker's acknowledgement.
        sql("""
                create or replace function test_relay_dies() returns trigger language plpgsql as $$
                begin raise exception 'relay died before its delete committed'; end $$""");
        sql("create trigger test_relay_dies before delete on outbox_events for each statement execute function test_relay_dies()");
        try {
            broker.publish(Topics.HANDOFF, request);
            broker.events(Topics.CONVERSATION, request.conversationId(), events -> events.stream()
                    .filter(e -> e.eventId().equals(handoffTurnId)).count() >= 2);
        } finally {
            sql("drop trigger test_relay_dies on outbox_events");
        }
        await().atMost(Broker.TIMEOUT).until(() -> count("select count(*) from outbox_events") == 0);

        assertThat(broker.snapshot(Topics.CONVERSATION, request.conversationId()))
                .filteredOn(turn -> turn.eventId().equals(handoffTurnId)).hasSizeGreaterThanOrEqualTo(2);
        // handoff's own audit-log consumer counts the handoff once. A later turn of the conversation, on the same
        // partition, shows every copy before it was read.
        Envelope<ConversationTurn> later = TestEvents.turn(request.conversationId(), TurnKind.INBOUND, "customer",
                "還在嗎？", clock.instant());
        broker.publish(Topics.CONVERSATION, later);
        await().atMost(Broker.TIMEOUT).until(() ->
                count("select count(*) from recent_turns where event_id = '" + later.eventId() + "'") == 1);
        assertThat(count("select coalesce(sum(handoffs), 0) from conversation_days where conversation_id = '"
                + request.conversationId() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from tickets where id = '" + ticketIdOf(request) + "'")).isEqualTo(1);
    }

    /** Fails the commit at its very end, after every change of the transaction was made. */
    private static final class FailingCommit implements Synchronization {
        @Override
        public void beforeCompletion() {
            throw new IllegalStateException("the commit fails");
        }

        @Override
        public void afterCompletion(int status) {
        }
    }
}
