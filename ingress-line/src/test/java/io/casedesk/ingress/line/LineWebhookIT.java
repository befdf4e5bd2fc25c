package io.casedesk.ingress.line;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.line.idempotency.ProcessedIds;
import io.casedesk.ingress.line.idempotency.RecentIdsReader;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.SimulatorConfig;
import io.casedesk.linesimulator.Webhook;
import io.casedesk.linesimulator.WebhookSigner;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The webhook against the real broker, posted by the LINE simulator. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
class LineWebhookIT {

    private static TopicReader inbound;
    private static TopicReader conversation;

    @TestHTTPResource("/line/webhook")
    URI webhookUrl;

    private final LineSimulator line = LineSimulatorTestResource.simulator();

    @BeforeAll
    static void openTopics() {
        inbound = new TopicReader(Topics.INBOUND);
        conversation = new TopicReader(Topics.CONVERSATION);
    }

    @AfterAll
    static void closeTopics() {
        inbound.close();
        conversation.close();
    }

    @BeforeEach
    void pointLineAtTheService() {
        line.webhookUrl(webhookUrl);
        ServiceReadiness.awaitReady();
    }

    @Test
    void aSignedTextIsPublishedOnceEvenWhenLineSendsItTwice() {
        String user = LineSimulatorTestResource.CUSTOMER.userId();
        Map<TopicPartition, Long> inboundStart = inbound.end();
        Map<TopicPartition, Long> conversationStart = conversation.end();
        Webhook webhook = line.textMessage(user, "我想了解目前離婚訴訟案件的進展");

        assertThat(line.deliver(webhook)).isEqualTo(200);
        assertThat(line.deliver(webhook)).isEqualTo(200);

        String conversationId = ConversationIds.line(SimulatorConfig.DEV_DESTINATION, user);
        ConsumerRecord<String, String> record = single(inbound.readSince(inboundStart));
        assertThat(record.key()).isEqualTo(conversationId);
        Envelope<InboundMessage> envelope = EventCodec.shared().decode(record.value()).as(InboundMessage.class);
        assertThat(envelope.eventId()).isEqualTo(EventIds.lineInbound(webhook.webhookEventId()));
        assertThat(envelope.conversationId()).isEqualTo(conversationId);
        assertThat(envelope.type()).isEqualTo("inbound.message");
        InboundMessage message = envelope.payload();
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("我想了解目前離婚訴訟案件的進展");
        assertThat(message.senderId()).isEqualTo(user);
        assertThat(message.senderName()).isEqualTo("張志明");
        assertThat(message.languageHint()).isEqualTo("zh-Hant");
        assertThat(message.line().webhookEventId()).isEqualTo(webhook.webhookEventId());
        assertThat(message.line().replyToken()).isEqualTo(webhook.replyToken());

        Envelope<ConversationTurn> turn = EventCodec.shared()
                .decode(single(conversation.readSince(conversationStart)).value()).as(ConversationTurn.class);
        assertThat(turn.causationId()).isEqualTo(envelope.eventId());
        assertThat(turn.conversationId()).isEqualTo(conversationId);
        assertThat(turn.payload().kind()).isEqualTo(TurnKind.INBOUND);
        assertThat(turn.payload().actor()).isEqualTo("customer");
        assertThat(turn.payload().text()).isEqualTo(message.text());

        await().atMost(Duration.ofSeconds(10)).until(() -> line.loadingAnimationsStarted(user) == 1);
    }

    @Test
    void aSendersProfileIsAskedForOnceAndAMissingOneIsRememberedToo() {
        String stranger = "U" + UUID.randomUUID().toString().replace("-", "");
        Map<TopicPartition, Long> inboundStart = inbound.end();

        for (String text : List.of("你好", "請問事務所在哪裡？", "謝謝")) {
            assertThat(line.deliver(line.textMessage(stranger, text))).isEqualTo(200);
        }

        List<ConsumerRecord<String, String>> published = inbound.readSince(inboundStart);
        assertThat(published).hasSize(3);
        assertThat(published).allSatisfy(record -> assertThat(EventCodec.shared().decode(record.value())
                .as(InboundMessage.class).payload().senderName()).as("LINE has no profile of this user").isNull());
        assertThat(line.profileLookups(stranger)).as("LINE's 404 is kept: asked once for three messages").isEqualTo(1);
    }

    @Test
    void theEventsOfAWebhookContinueTheTraceOfItsRequestOrStartOne() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String received = "00-" + traceId + "-00f067aa0ba902b7-01";
        Map<TopicPartition, Long> inboundStart = inbound.end();
        Map<TopicPartition, Long> conversationStart = conversation.end();
        Webhook traced = line.textMessage(newUser(), "hello").withTraceparent(received);
        Webhook untraced = line.textMessage(newUser(), "hello").withTraceparent(null);

        assertThat(line.deliver(traced)).isEqualTo(200);
        assertThat(line.deliver(untraced)).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = inbound.readSince(inboundStart);
        ConsumerRecord<String, String> tracedRecord = recordOf(records, traced);
        TraceContext envelopeTrace = TraceContext.parse(EventCodec.shared().decode(tracedRecord.value()).traceparent())
                .orElseThrow();
        assertThat(envelopeTrace.traceId()).isEqualTo(traceId);
        assertThat(envelopeTrace.spanId()).isNotEqualTo("00f067aa0ba902b7");
        TraceContext recordTrace = headerTrace(tracedRecord);
        assertThat(recordTrace.traceId()).isEqualTo(traceId);
        assertThat(recordTrace.spanId()).isNotIn("00f067aa0ba902b7", envelopeTrace.spanId());
        assertThat(conversation.readSince(conversationStart)).isNotEmpty()
                .filteredOn(record -> record.value().contains(EventIds.lineInbound(traced.webhookEventId())))
                .singleElement().satisfies(turn -> assertThat(headerTrace(turn).traceId()).isEqualTo(traceId));

        ConsumerRecord<String, String> untracedRecord = recordOf(records, untraced);
        String started = EventCodec.shared().decode(untracedRecord.value()).traceparent();
        assertThat(TraceContext.traceIdOf(started)).isPresent().get().isNotEqualTo(traceId);
        assertThat(headerTrace(untracedRecord).traceId()).isEqualTo(TraceContext.traceIdOf(started).orElseThrow());
    }

    private static ConsumerRecord<String, String> recordOf(List<ConsumerRecord<String, String>> records, Webhook webhook) {
        String eventId = EventIds.lineInbound(webhook.webhookEventId());
        return records.stream().filter(record -> record.value().contains(eventId)).findFirst().orElseThrow();
    }

    private static TraceContext headerTrace(ConsumerRecord<String, String> record) {
        return TraceContext.parse(new String(record.headers().lastHeader(TraceContext.HEADER).value(),
                StandardCharsets.US_ASCII)).orElseThrow();
    }

    @Test
    void aMissingOrWrongSignatureIs401AndPublishesNothing() {
        Map<TopicPartition, Long> start = inbound.end();
        Webhook webhook = line.textMessage(newUser(), "hello");

        assertThat(line.post(webhook.body(), null)).isEqualTo(401);
        assertThat(line.post(webhook.body(), "")).isEqualTo(401);
        assertThat(line.post(webhook.body(), "not base64!")).isEqualTo(401);
        assertThat(line.post(webhook.body(), WebhookSigner.sign("another-channel-secret", webhook.body()))).isEqualTo(401);
        byte[] tampered = new String(webhook.body(), StandardCharsets.UTF_8).replace("hello", "HELLO").getBytes(StandardCharsets.UTF_8);
        assertThat(line.post(tampered, line.sign(webhook.body()))).isEqualTo(401);

        assertThat(inbound.readSince(start)).isEmpty();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_line_webhooks_rejected_total{reason=\"signature\"}"));
        // A refused copy does not count as seen: the genuine one is still published.
        assertThat(line.deliver(webhook)).isEqualTo(200);
        assertThat(inbound.readSince(start)).hasSize(1);
    }

    @Test
    void aSignedBodyThatIsNoWebhookIs400() {
        Map<TopicPartition, Long> start = inbound.end();

        assertThat(line.postSigned("{\"destination\":".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(line.postSigned("{\"destination\":\"Ubot\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(line.postSigned("[]".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);

        assertThat(inbound.readSince(start)).isEmpty();
    }

    /** A signed body whose events are not objects: 400, so LINE does not redeliver it, and no stack trace. */
    @Test
    void aSignedWebhookWithANullEventIs400() {
        Map<TopicPartition, Long> start = inbound.end();

        assertThat(line.postSigned("{\"destination\":\"Ubot\",\"events\":[null]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(400);
        assertThat(line.postSigned(("{\"destination\":\"Ubot\",\"events\":[{\"type\":\"follow\",\"timestamp\":1,"
                + "\"webhookEventId\":\"01NULLEVENT\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"}},null]}")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(400);

        assertThat(inbound.readSince(start)).as("nothing of a refused body is published").isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        assertThat(line.postSigned(body)).isEqualTo(413);
        assertThat(line.post(body, null)).isEqualTo(413);
    }

    @Test
    void linesVerificationCallWithoutEventsIs200() {
        Map<TopicPartition, Long> start = inbound.end();

        assertThat(line.postSigned(("{\"destination\":\"" + SimulatorConfig.DEV_DESTINATION + "\",\"events\":[]}")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(200);

        assertThat(inbound.readSince(start)).isEmpty();
    }

    @Test
    void healthIsUpAndReadinessIncludesTheIdempotencyWarmup() {
        given().get("/q/health").then().statusCode(200).body(containsString("\"UP\""));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("line-idempotency-warmup"));
    }

    @Test
    void anEventPublishedBeforeARestartIsKnownToTheWarmupOfTheNextInstance() throws Exception {
        Webhook webhook = line.textMessage(newUser(), "restart me");
        assertThat(line.deliver(webhook)).isEqualTo(200);

        // What a restarted instance does before it takes traffic: read the recent ids back from the broker.
        ProcessedIds nextInstance = new ProcessedIds(1000);
        new RecentIdsReader(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()), Duration.ofSeconds(30))
                .readInto(nextInstance, Instant.now().minus(Duration.ofHours(24)));

        assertThat(nextInstance.inboundEvents().claim(EventIds.lineInbound(webhook.webhookEventId())))
                .as("a redelivery after the restart is a duplicate").isFalse();
    }

    private static ConsumerRecord<String, String> single(List<ConsumerRecord<String, String>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String newUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }
}
