package io.casedesk.cases.messaging;

import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.casedesk.cases.service.ConversationHistory;
import io.casedesk.cases.Database;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.casedesk.cases.ApiClient.asResponder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Consumes cs.conversation.v1 from a real broker into the real database. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationTurnConsumerIT {

    private static final String CHANG_LINE_USER_ID = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final String CHANG_CONVERSATION = ConversationIds.line("U0123456789abcdef0123456789abcdef", CHANG_LINE_USER_ID);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Loads the demo data directly: RestAssured is not pointed at the application before the first test. */
    @Inject
    BundleImporter importer;

    @Inject
    DataSource dataSource;

    @Inject
    ConversationHistory conversationHistory;

    /** The broker the application consumes from (started by KafkaTestResource). */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Database database;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    void setUp() {
        importer.importBundle(DemoBundle.tree());
        database = new Database(dataSource);
        database.execute("truncate conversation_turns");
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void tearDown() {
        producer.close();
    }

    @Test
    void storesATurnOnceWhenItIsDeliveredTwice() throws Exception {
        Envelope<ConversationTurn> turn = turn("line-event-1", TurnKind.INBOUND, "C-1001", "customer", "請問開庭時間？");
        send(EventCodec.shared().encode(turn));
        send(EventCodec.shared().encode(turn));
        // Same key, same partition: once the marker is stored, both copies have been consumed.
        Envelope<ConversationTurn> marker = turn("line-event-2", TurnKind.ANSWER, "C-1001", "bot", "開庭時間為 2026-12-03。");
        send(EventCodec.shared().encode(marker));

        awaitStored(marker.eventId());
        assertThat(storedCopies(turn.eventId())).isEqualTo(1);
        assertThat(database.count("select count(*) from conversation_turns where event_id = '" + turn.eventId()
                + "' and kind = 'inbound' and channel = 'line' and customer_ref = 'C-1001'")).isEqualTo(1);
    }

    @Test
    void storesEveryTurnOfABurstOfConversationsOnceThoughTheyAreStoredInGroups() throws Exception {
        List<Envelope<ConversationTurn>> burst = new ArrayList<>();
        for (int conversation = 0; conversation < 30; conversation++) {
            for (int turn = 0; turn < 4; turn++) {
                burst.add(Envelope.of("burst-" + conversation + "-" + turn, Instant.parse("2026-12-06T10:00:00Z"),
                        "line:burst-" + conversation, null, null,
                        new ConversationTurn(TurnKind.INBOUND, Channel.LINE, "U-burst-" + conversation, null, "customer",
                                "第 " + turn + " 則", null, null)));
            }
        }
        List<Future<?>> sent = new ArrayList<>();
        for (Envelope<ConversationTurn> turn : burst) {
            // Each twice, as after a producer's retry: still stored once.
            for (int copy = 0; copy < 2; copy++) {
                sent.add(producer.send(new ProducerRecord<>(Topics.CONVERSATION, turn.conversationId(),
                        EventCodec.shared().encode(turn))));
            }
        }
        for (Future<?> send : sent) {
            send.get();
        }

        await().atMost(PATIENCE).until(() -> database.count(
                "select count(*) from conversation_turns where event_id like 'burst-%'") == burst.size());
        assertThat(database.count("select count(distinct event_id) from conversation_turns where event_id like 'burst-%'"))
                .isEqualTo(burst.size());
    }

    @Test
    void storingTheSameEventAgainIsANoOpNotAnError() {
        Envelope<ConversationTurn> turn = turn("line-event-8", TurnKind.INBOUND, "C-1001", "customer", "在嗎？");

        assertThat(conversationHistory.record(turn)).isTrue();
        // A failure here would send every redelivered record to the dead-letter topic.
        assertThat(conversationHistory.record(turn)).isFalse();
        assertThat(storedCopies(turn.eventId())).isEqualTo(1);
    }

    @Test
    void parksARecordThatIsNotAnEventOnTheDeadLetterTopicAndGoesOn() throws Exception {
        String garbage = "not an event " + UUID.randomUUID();
        send(garbage);
        Envelope<ConversationTurn> next = turn("line-event-3", TurnKind.INBOUND, "C-1001", "customer", "謝謝");
        send(EventCodec.shared().encode(next));

        awaitStored(next.eventId());
        ConsumerRecord<String, String> parked = awaitDeadLetter(garbage);
        assertThat(parked).as("the garbage record on the dead-letter topic").isNotNull();
        // The reason names the problem without quoting the record.
        assertThat(new String(parked.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("Record is not JSON at line 1, column 1");
    }

    @Test
    void attributesATurnWithoutCustomerToTheOwnerOfItsVerifiedIdentity() throws Exception {
        Envelope<ConversationTurn> turn = turn("line-event-4", TurnKind.INBOUND, null, "customer", "你好");
        send(EventCodec.shared().encode(turn));

        awaitStored(turn.eventId());
        assertThat(database.count("select count(*) from conversation_turns where event_id = '" + turn.eventId()
                + "' and customer_ref = 'C-1001'")).isEqualTo(1);
    }

    @Test
    void skipsEventsOfOtherTypes() throws Exception {
        String unknownEventId = UUID.randomUUID().toString();
        String unknownType = """
                {"eventId":"%s","type":"something.new","schemaVersion":1,"occurredAt":"2026-11-20T01:00:00Z",
                 "conversationId":"%s","payload":{"whatever":1}}""".formatted(unknownEventId, CHANG_CONVERSATION);
        send(unknownType);
        Envelope<ConversationTurn> marker = turn("line-event-5", TurnKind.ANSWER, "C-1001", "bot", "不客氣");
        send(EventCodec.shared().encode(marker));

        awaitStored(marker.eventId());
        assertThat(storedCopies(unknownEventId)).isZero();
    }

    @Test
    void listsACustomersTurnsNewestFirstPageByPage() throws Exception {
        Envelope<ConversationTurn> older = turn("line-event-6", TurnKind.INBOUND, "C-1002", "customer", "合約審閱進度？",
                Instant.parse("2026-11-18T01:00:00Z"));
        Envelope<ConversationTurn> newer = turn("line-event-7", TurnKind.ANSWER, "C-1002", "bot", "預計 11/20 完成。",
                Instant.parse("2026-11-18T01:00:05Z"));
        send(EventCodec.shared().encode(newer));
        send(EventCodec.shared().encode(older));
        awaitStored(older.eventId());

        asResponder().queryParam("size", 1).get("/api/v1/customers/C-1002/conversation-turns").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.eventId", contains(newer.eventId()));
        asResponder().queryParam("page", 1).queryParam("size", 1).get("/api/v1/customers/C-1002/conversation-turns")
                .then().statusCode(200)
                .body("items.eventId", contains(older.eventId()))
                .body("items[0].kind", equalTo("inbound"))
                .body("items[0].text", equalTo("合約審閱進度？"));
        asResponder().queryParam("size", 1000).get("/api/v1/customers/C-1002/conversation-turns").then().statusCode(400);
        asResponder().get("/api/v1/customers/C-9999/conversation-turns").then().statusCode(404);
        given().get("/q/metrics").then().body(containsString("casedesk_conversation_turns_persisted_total"));
    }

    private Envelope<ConversationTurn> turn(String webhookEventId, TurnKind kind, String customerRef, String actor,
            String text) {
        return turn(webhookEventId, kind, customerRef, actor, text, Instant.now());
    }

    private Envelope<ConversationTurn> turn(String webhookEventId, TurnKind kind, String customerRef, String actor,
            String text, Instant occurredAt) {
        // Unique per test run, so that a reused external database does not make a turn look stored already.
        String eventId = EventIds.derive(EventIds.lineInbound(webhookEventId), UUID.randomUUID().toString());
        return Envelope.of(eventId, occurredAt, CHANG_CONVERSATION, null, null,
                new ConversationTurn(kind, Channel.LINE, CHANG_LINE_USER_ID, customerRef, actor, text, null, null));
    }

    private void send(String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONVERSATION, CHANG_CONVERSATION, value)).get();
    }

    private void awaitStored(String eventId) {
        await().atMost(PATIENCE).until(() -> storedCopies(eventId) == 1);
    }

    private long storedCopies(String eventId) {
        return database.count("select count(*) from conversation_turns where event_id = '" + eventId + "'");
    }

    /** The dead-letter record holding {@code value}, or {@code null} when it does not arrive in time. */
    private ConsumerRecord<String, String> awaitDeadLetter(String value) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.dlq(Topics.CONVERSATION)));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        return record;
                    }
                }
            }
        }
        return null;
    }
}
