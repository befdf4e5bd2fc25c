package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TriagedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./casedesk replay} against the real broker: selection, dry run, re-publishing, errors and progress. */
class ReplayIT {

    private static ReplayBrokerFixture broker;

    @BeforeAll
    static void connect() {
        broker = new ReplayBrokerFixture("replay-it");
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void aDryRunListsTheRecordsOfTheConversationInTheTimeRangeAndPublishesNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String conversation = ReplayEvents.strangerConversation();
        String other = ReplayEvents.strangerConversation();
        var tooEarly = ReplayEvents.triaged(conversation, Intent.GENERAL_INFO, false, now.minusSeconds(180));
        var first = ReplayEvents.triaged(conversation, Intent.GENERAL_INFO, false, now.minusSeconds(120));
        var second = ReplayEvents.triaged(conversation, Intent.HUMAN_REQUEST, true, now.minusSeconds(60));
        var otherConversation = ReplayEvents.triaged(other, Intent.GENERAL_INFO, false, now.minusSeconds(120));
        List.of(tooEarly, first, second, otherConversation).forEach(e -> broker.publish(Topics.TRIAGED, e));

        int exit = broker.replay("--topic", Topics.TRIAGED, "--conversation", conversation,
                "--from", now.minusSeconds(150).toString(), "--to", now.toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(broker.out()).contains(first.eventId(), second.eventId(), "triaged.message", conversation)
                .doesNotContain(tooEarly.eventId()).doesNotContain(otherConversation.eventId())
                .contains("2 record(s) on cs.triaged.v1 match (conversation " + conversation)
                .contains("nothing was published (--dry-run)");
        assertThat(broker.out().indexOf(first.eventId())).isLessThan(broker.out().indexOf(second.eventId()));
        assertThat(broker.out().lines().filter(l -> l.contains(first.eventId())).findFirst().orElseThrow())
                .contains(first.occurredAt().toString()).containsPattern("\\s+\\d+\\s+\\d+\\s+").contains(" no ");
        assertThat(broker.records(Topics.TRIAGED, conversation)).hasSize(3);
    }

    @Test
    void replayingIntoTheOwnTopicRepublishesTheSameEventsMarkedReplayWithKeyHeadersAndUnknownFieldsKept() throws Exception {
        String conversation = ReplayEvents.strangerConversation();
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Envelope<TriagedMessage> first = ReplayEvents.triaged(conversation, Intent.GENERAL_INFO, false, at);
        Envelope<TriagedMessage> second = ReplayEvents.triaged(conversation, Intent.BILLING, false, at.plusSeconds(1));
        ObjectNode withFutureField = (ObjectNode) EventCodec.shared().mapper().readTree(EventCodec.shared().encode(first));
        withFutureField.put("futureField", "kept");
        broker.publish(Topics.TRIAGED, conversation, at, withFutureField.toString(),
                new RecordHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8)));
        broker.publish(Topics.TRIAGED, second);

        int exit = broker.replay("--topic", Topics.TRIAGED, "--conversation", conversation);

        assertThat(exit).isZero();
        assertThat(broker.out()).contains("Replayed 2 record(s) from cs.triaged.v1 into cs.triaged.v1, marked replay.");
        assertThat(broker.err()).contains("replaying into cs.triaged.v1 [##############################] 2/2 100%");
        List<ConsumerRecord<String, String>> records = broker.records(Topics.TRIAGED, conversation);
        assertThat(records).hasSize(4);
        List<ConsumerRecord<String, String>> replayed = records.stream()
                .filter(r -> ReplayBrokerFixture.envelope(r).replay()).toList();
        assertThat(replayed).extracting(r -> ReplayBrokerFixture.envelope(r).eventId())
                .containsExactlyInAnyOrder(first.eventId(), second.eventId());
        ConsumerRecord<String, String> replayedFirst = replayed.stream()
                .filter(r -> ReplayBrokerFixture.envelope(r).eventId().equals(first.eventId())).findFirst().orElseThrow();
        assertThat(replayedFirst.key()).isEqualTo(conversation);
        assertThat(new String(replayedFirst.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .startsWith("00-0af7651916cd43dd8448eb211c80319c");
        assertThat(new String(replayedFirst.headers().lastHeader(ReplayCommand.REPLAY_OF_HEADER).value(), StandardCharsets.UTF_8))
                .startsWith(Topics.TRIAGED + "/" + replayedFirst.partition() + "/");
        JsonNode json = EventCodec.shared().mapper().readTree(replayedFirst.value());
        assertThat(json.path("futureField").asText()).isEqualTo("kept");
        assertThat(ReplayBrokerFixture.envelope(replayedFirst).payload()).isEqualTo(first.payload());
    }

    @Test
    void replayingIntoTheShadowTopicCreatesItAndLeavesTheRealTopicAlone() {
        String conversation = ReplayEvents.strangerConversation();
        var triaged = ReplayEvents.triaged(conversation, Intent.HUMAN_REQUEST, true, Instant.now().minusSeconds(5));
        broker.publish(Topics.HANDOFF, ReplayEvents.handoff(triaged, "needs_human", null));

        int exit = broker.replay("--topic", Topics.HANDOFF, "--conversation", conversation, "--shadow");

        assertThat(exit).isZero();
        assertThat(broker.out()).contains("Replayed 1 record(s) from cs.handoff.v1 into cs.handoff.v1.shadow");
        assertThat(broker.records(Topics.HANDOFF, conversation)).hasSize(1);
        List<ConsumerRecord<String, String>> shadow = broker.records("cs.handoff.v1.shadow", conversation);
        assertThat(shadow).hasSize(1);
        assertThat(ReplayBrokerFixture.envelope(shadow.get(0)).replay()).isTrue();
        assertThat(ReplayBrokerFixture.envelope(shadow.get(0)).eventId()).isEqualTo(ReplayEvents.handoff(triaged, "x", null).eventId());
    }

    @Test
    void anEmptySelectionIsAnErrorThatNamesTheSelection() {
        String nobody = ReplayEvents.strangerConversation();

        int exit = broker.replay("--topic", Topics.TRIAGED, "--conversation", nobody);

        assertThat(exit).isEqualTo(1);
        assertThat(broker.err()).contains("No records on cs.triaged.v1 match (conversation " + nobody + "); nothing to replay.");
        assertThat(broker.records(Topics.TRIAGED, nobody)).isEmpty();
    }

    @Test
    void aBrokerThatIsNotThereIsAClearError() {
        int port = io.casedesk.infra.FreePorts.pick();
        ReplayCommand command = new ReplayCommand(broker.settings, System.out, System.err, false, java.time.Duration.ZERO);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command.run(ReplayOptions.parse(List.of("--topic",
                        Topics.TRIAGED, "--bootstrap-servers", "127.0.0.1:" + port))))
                .hasMessage("No Kafka broker answers at 127.0.0.1:" + port + ": is CaseDesk up (./casedesk status)? "
                        + "Or name the broker with --bootstrap-servers <host:port>");
    }

    @Test
    void recordsThatAreNotCaseDeskEventsAreSkippedAndCounted() {
        String conversation = ReplayEvents.strangerConversation();
        Instant at = Instant.now().minusSeconds(5);
        broker.publish(Topics.TRIAGED, conversation, at, "not an event");
        broker.publish(Topics.TRIAGED, ReplayEvents.triaged(conversation, Intent.GREETING, false, at));

        int exit = broker.replay("--topic", Topics.TRIAGED, "--conversation", conversation, "--dry-run");

        assertThat(exit).isZero();
        assertThat(broker.err()).contains("Skipped 1 record(s) that are not CaseDesk events").doesNotContain("not an event");
        assertThat(broker.out()).contains("1 record(s) on cs.triaged.v1 match");
    }

    @Test
    void readingShowsProgressInPlainLinesWhenNotOnATerminal() {
        String conversation = ReplayEvents.strangerConversation();
        broker.publish(Topics.TRIAGED, ReplayEvents.triaged(conversation, Intent.GREETING, false, Instant.now()));

        broker.replay("--topic", Topics.TRIAGED, "--conversation", conversation, "--dry-run");

        assertThat(broker.err()).doesNotContain("\r").containsPattern("reading cs\\.triaged\\.v1 \\[#+\\] \\d+/\\d+ 100%");
    }
}
