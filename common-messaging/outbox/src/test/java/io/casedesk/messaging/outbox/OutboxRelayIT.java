package io.casedesk.messaging.outbox;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TurnKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxRelayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final KafkaTestClient KAFKA = new KafkaTestClient();

    /** A topic of this run only, so that records of earlier runs on an external broker do not count. */
    private final String topic = "test.outbox." + UUID.randomUUID();

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEventLeavesWithItsChangeOnceTheTransactionCommits() {
        Envelope<ConversationTurn> event = event("conversation-a");

        QuarkusTransaction.requiringNew().run(() -> change(event));

        assertThat(awaitIds(Set.of(event.eventId()))).containsExactly(event.eventId());
        assertThat(count("select count(*) from test_changes where id = '" + event.eventId() + "'")).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> count("select count(*) from outbox_events") == 0);
    }

    @Test
    void aCommitThatFailsAfterTheEventWasAddedSendsNothingAndChangesNothing() {
        Envelope<ConversationTurn> lost = event("conversation-b");
        Envelope<ConversationTurn> marker = event("conversation-b");

        // Everything of the change is done, its event included (where a direct publish would already have left);
        // then the commit fails.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            change(lost);
            transactions.registerInterposedSynchronization(new FailingCommit());
        })).isInstanceOf(RuntimeException.class);
        // A later change of the same conversation: once its event arrived, an earlier one would have too.
        QuarkusTransaction.requiringNew().run(() -> change(marker));

        List<String> arrived = awaitIds(Set.of(marker.eventId()));
        assertThat(arrived).containsExactly(marker.eventId());
        assertThat(count("select count(*) from test_changes where id = '" + lost.eventId() + "'")).isZero();
        assertThat(count("select count(*) from outbox_events where event like '%" + lost.eventId() + "%'")).isZero();
    }

    @Test
    void aRelayThatDiesAfterTheBrokerAcknowledgedRepublishesUnderTheSameIdsAndLosesNothing() {
        List<Envelope<ConversationTurn>> written = new ArrayList<>();
        // The relay's delete fails, as if it died between the broker's acknowledgement and its commit: every run
        // publishes the events and rolls back, so the next run (the restarted relay) publishes them again.
        sql("""
                create or replace function test_relay_dies() returns trigger language plpgsql as $$
                begin raise exception 'relay died before its delete committed'; end $$""");
        sql("create trigger test_relay_dies before delete on outbox_events for each statement execute function test_relay_dies()");
        try {
            for (int i = 0; i < 20; i++) {
                Envelope<ConversationTurn> event = event("conversation-" + (i % 4));
                QuarkusTransaction.requiringNew().run(() -> change(event));
                written.add(event);
            }
            Set<String> ids = written.stream().map(Envelope::eventId).collect(Collectors.toSet());
            awaitIds(ids);
            assertThat(count("select count(*) from outbox_events")).isEqualTo(20);
        } finally {
            sql("drop trigger test_relay_dies on outbox_events");
        }
        await().atMost(TIMEOUT).until(() -> count("select count(*) from outbox_events") == 0);

        List<ConsumerRecord<String, String>> records = KAFKA.readUntil(topic, r -> false, Duration.ofSeconds(2));
        // Some events went out more than once; deduplicated by event id, as consumers do, each is there once.
        assertThat(records.size()).isGreaterThan(written.size());
        Map<String, Set<String>> firstArrivalsPerKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            firstArrivalsPerKey.computeIfAbsent(record.key(), key -> new LinkedHashSet<>())
                    .add(EventCodec.shared().decode(record.value()).eventId());
        }
        assertThat(firstArrivalsPerKey.values().stream().mapToInt(Set::size).sum()).isEqualTo(written.size());
        // In the order they were written, per conversation.
        for (var perKey : firstArrivalsPerKey.entrySet()) {
            assertThat(List.copyOf(perKey.getValue())).containsExactlyElementsOf(written.stream()
                    .filter(e -> e.conversationId().equals(perKey.getKey())).map(Envelope::eventId).toList());
        }
    }

    private void change(Envelope<ConversationTurn> event) {
        entityManager.persist(TestChange.of(event.eventId(), "changed"));
        outbox.add(topic, event);
    }

    /** The ids of this test's topic's records, in order, once all of {@code expected} arrived. */
    private List<String> awaitIds(Set<String> expected) {
        List<ConsumerRecord<String, String>> records = KAFKA.readUntil(topic, read -> read.stream()
                .map(r -> EventCodec.shared().decode(r.value()).eventId()).collect(Collectors.toSet())
                .containsAll(expected), TIMEOUT);
        List<String> ids = records.stream().map(r -> EventCodec.shared().decode(r.value()).eventId()).toList();
        assertThat(ids).containsAll(expected);
        return ids;
    }

    private static Envelope<ConversationTurn> event(String conversationId) {
        return Envelope.of(UUID.randomUUID().toString(), Instant.now(), conversationId, null, null,
                new ConversationTurn(TurnKind.DELIVERY, Channel.EMAIL, "a@example.com", null, "system", null, null,
                        "sent"));
    }

    private long count(String query) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
