package io.casedesk.ingress.line;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.linesimulator.ApiCall;
import io.casedesk.linesimulator.BotMessage;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.ScriptedFailure;
import io.casedesk.linesimulator.SimulatorConfig;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records on {@code cs.outbound.line.v1} of the real broker, sent to the LINE simulator. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
class LineOutboundIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KafkaProducer<String, String> producer;
    private static TopicReader deliveries;
    private static TopicReader conversation;
    private static TopicReader deadLetters;
    private static TopicReader handoffs;

    @TestHTTPResource("/line/webhook")
    URI webhookUrl;

    private final LineSimulator line = LineSimulatorTestResource.simulator();

    @BeforeAll
    static void openTopics() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(properties);
        deliveries = new TopicReader(Topics.DELIVERY);
        conversation = new TopicReader(Topics.CONVERSATION);
        deadLetters = new TopicReader(Topics.dlq(Topics.OUTBOUND_LINE));
        handoffs = new TopicReader(Topics.HANDOFF);
    }

    @AfterAll
    static void closeTopics() {
        producer.close();
        deliveries.close();
        conversation.close();
        deadLetters.close();
        handoffs.close();
    }

    @Test
    void aFreshReplyTokenIsUsedAndTheDeliveryReported() throws Exception {
        String user = newUser();
        String token = line.issueReplyToken(user);
        Envelope<OutboundLineMessage> outbound = outbound(user, token, Instant.now(), "張先生您好");

        publish(outbound);

        assertThat(line.awaitMessages(user, 1, WAIT)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(BotMessage.REPLY);
            assertThat(sent.replyToken()).isEqualTo(token);
            assertThat(sent.texts()).containsExactly("張先生您好");
        });
        Envelope<DeliveryReport> report = deliveryReportOf(outbound);
        assertThat(report.payload().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(report.payload().method()).isEqualTo("reply");
        assertThat(report.conversationId()).isEqualTo(outbound.conversationId());
        assertThat(report.causationId()).isEqualTo(outbound.eventId());
        List<ConsumerRecord<String, String>> turns = conversation.await(
                record -> record.value().contains(outbound.eventId()), 1, WAIT);
        Envelope<ConversationTurn> turn = EventCodec.shared().decode(turns.get(0).value()).as(ConversationTurn.class);
        assertThat(turn.payload().kind()).isEqualTo(TurnKind.DELIVERY);
        assertThat(turn.payload().detail()).isEqualTo("sent:reply");
        assertThat(turn.payload().text()).isNull();
    }

    @Test
    void theCallToLineAndEveryReportContinueTheTraceOfTheOutboundEvent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String repliedTo = newUser();
        String pushedTo = newUser();
        Envelope<OutboundLineMessage> reply = traced(outbound(repliedTo, line.issueReplyToken(repliedTo), Instant.now(),
                "reply"), traceparent);
        Envelope<OutboundLineMessage> push = traced(outbound(pushedTo, null, null, "push"), traceparent);

        publish(reply);
        publish(push);

        for (BotMessage sent : List.of(line.awaitMessages(repliedTo, 1, WAIT).get(0),
                line.awaitMessages(pushedTo, 1, WAIT).get(0))) {
            TraceContext call = TraceContext.parse(sent.traceparent()).orElseThrow();
            assertThat(call.traceId()).as(sent.method()).isEqualTo(traceId);
            assertThat(call.spanId()).isNotEqualTo("00f067aa0ba902b7");
        }
        ConsumerRecord<String, String> report = deliveries.await(record -> isReportOf(record, reply.eventId()), 1, WAIT)
                .get(0);
        // The report's envelope carries the context of the outbound event's handling: the same trace.
        assertThat(TraceContext.traceIdOf(EventCodec.shared().decode(report.value()).traceparent())).contains(traceId);
        TraceContext header = TraceContext.parse(new String(
                report.headers().lastHeader(TraceContext.HEADER).value(), StandardCharsets.US_ASCII)).orElseThrow();
        assertThat(header.traceId()).isEqualTo(traceId);
        assertThat(header.spanId()).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void withoutAReplyTokenTheMessageIsPushedWithTheEventIdAsRetryKey() throws Exception {
        String user = newUser();
        Envelope<OutboundLineMessage> outbound = outbound(user, null, null, "您的案件目前等待法院開庭");

        publish(outbound);

        assertThat(line.awaitMessages(user, 1, WAIT)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(BotMessage.PUSH);
            assertThat(sent.retryKey()).isEqualTo(outbound.eventId());
        });
        assertThat(deliveryReportOf(outbound).payload().method()).isEqualTo("push");
    }

    @Test
    void aStaleOrRefusedReplyTokenEndsInAPush() throws Exception {
        String staleUser = newUser();
        String refusedUser = newUser();

        publish(outbound(staleUser, line.issueReplyToken(staleUser), Instant.now().minusSeconds(120), "stale"));
        publish(outbound(refusedUser, "a-token-line-never-issued", Instant.now(), "refused"));

        assertThat(line.awaitMessages(staleUser, 1, WAIT)).extracting(BotMessage::method).containsExactly(BotMessage.PUSH);
        assertThat(line.awaitMessages(refusedUser, 1, WAIT)).extracting(BotMessage::method).containsExactly(BotMessage.PUSH);
    }

    @Test
    void theSameRecordTwiceReachesTheCustomerOnce() throws Exception {
        String user = newUser();
        Envelope<OutboundLineMessage> answer = outbound(user, line.issueReplyToken(user), Instant.now(), "once");
        Envelope<OutboundLineMessage> marker = outbound(user, null, null, "marker");

        publish(answer);
        publish(answer);
        // Same key, same partition: once the marker arrived, the duplicate has been handled.
        publish(marker);

        assertThat(line.awaitMessages(user, 2, WAIT)).extracting(sent -> sent.texts().get(0))
                .containsExactly("once", "marker");
        assertThat(deliveryReportOf(answer).payload().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void replayedRecordsAndOtherEventTypesAreSkipped() throws Exception {
        String user = newUser();
        Envelope<OutboundLineMessage> original = outbound(user, null, null, "replayed");
        Envelope<OutboundLineMessage> replayed = new Envelope<>(original.eventId(), original.type(),
                original.schemaVersion(), original.occurredAt(), original.conversationId(), null, null, true,
                original.payload());
        String unknownType = """
                {"eventId":"%s","type":"outbound.line.sticker","schemaVersion":1,"occurredAt":"2026-11-21T01:00:00Z",
                 "conversationId":"%s","payload":{"to":"%s"}}""".formatted(UUID.randomUUID(), original.conversationId(), user);

        publish(replayed);
        send(original.conversationId(), unknownType);
        publish(outbound(user, null, null, "marker"));

        assertThat(line.awaitMessages(user, 1, WAIT)).extracting(sent -> sent.texts().get(0)).containsExactly("marker");
    }

    @Test
    void aRecordThatIsNoEnvelopeGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String user = newUser();
        String conversationId = ConversationIds.line(SimulatorConfig.DEV_DESTINATION, user);
        String poison = "not an envelope " + UUID.randomUUID();

        send(conversationId, poison);
        publish(outbound(user, null, null, "after the poison"));

        assertThat(deadLetters.await(record -> record.value().equals(poison), 1, WAIT)).hasSize(1);
        assertThat(line.awaitMessages(user, 1, WAIT)).hasSize(1);
    }

    @Test
    void aReplyToAMessageTheCustomerUnsentIsSkippedAndReported() throws Exception {
        line.webhookUrl(webhookUrl);
        ServiceReadiness.awaitReady();
        String user = newUser();
        String unsentMessageId = String.valueOf(System.nanoTime());
        byte[] unsend = """
                {"destination":"%s","events":[{"type":"unsend","mode":"active","timestamp":%d,
                 "source":{"type":"user","userId":"%s"},"webhookEventId":"%s",
                 "deliveryContext":{"isRedelivery":false},"unsend":{"messageId":"%s"}}]}"""
                .formatted(SimulatorConfig.DEV_DESTINATION, System.currentTimeMillis(), user, UUID.randomUUID(),
                        unsentMessageId).getBytes(StandardCharsets.UTF_8);
        assertThat(line.postSigned(unsend)).isEqualTo(200);
        Envelope<OutboundLineMessage> answer = outbound(user, line.issueReplyToken(user), Instant.now(),
                unsentMessageId, "an answer to a message taken back");

        publish(answer);
        publish(outbound(user, null, null, "marker"));

        assertThat(line.awaitMessages(user, 1, WAIT)).extracting(sent -> sent.texts().get(0)).containsExactly("marker");
        DeliveryReport report = deliveryReportOf(answer).payload();
        assertThat(report.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(report.detail()).isEqualTo("unsent");
        assertThat(report.method()).isNull();
    }

    @Test
    void aRateLimitedPushWaitsAndIsSentOnceWithTheSameRetryKey() throws Exception {
        String user = newUser();
        line.failNext(user, 1, new ScriptedFailure(429, 1));
        Envelope<OutboundLineMessage> outbound = outbound(user, null, null, "after the rate limit");

        publish(outbound);

        assertThat(deliveryReportOf(outbound).payload().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(line.calls(user)).containsExactly(
                new ApiCall(user, BotMessage.PUSH, 429, null, outbound.eventId(), 1),
                new ApiCall(user, BotMessage.PUSH, 200, null, outbound.eventId(), 1));
        assertThat(handoffs.await(record -> record.value().contains(outbound.eventId()), 1, Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void aPermanentlyRefusedPushIsReportedOnceAndHandedToAPerson() throws Exception {
        String user = newUser();
        line.failNext(user, 1, new ScriptedFailure(400, null));
        Envelope<OutboundLineMessage> outbound = outbound(user, null, null, "您的案件下週開庭");

        publish(outbound);

        DeliveryReport report = deliveryReportOf(outbound).payload();
        assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(report.method()).isEqualTo("push");
        assertThat(report.detail()).isEqualTo("http_400");
        List<ConsumerRecord<String, String>> handedOff = handoffs.await(
                record -> record.value().contains(outbound.eventId()), 1, WAIT);
        assertThat(handedOff).hasSize(1);
        assertThat(handedOff.get(0).key()).isEqualTo(outbound.conversationId());
        Envelope<HandoffRequest> handoff = EventCodec.shared().decode(handedOff.get(0).value()).as(HandoffRequest.class);
        assertThat(handoff.causationId()).isEqualTo(outbound.eventId());
        assertThat(handoff.payload().reason()).isEqualTo("delivery_failed");
        assertThat(handoff.payload().draftText()).isEqualTo("您的案件下週開庭");
        List<ConsumerRecord<String, String>> turns = conversation.await(
                record -> record.value().contains(outbound.eventId()), 1, WAIT);
        assertThat(turns).hasSize(1);
        assertThat(EventCodec.shared().decode(turns.get(0).value()).as(ConversationTurn.class).payload().detail())
                .isEqualTo("failed:push");
        assertThat(line.calls(user)).extracting(ApiCall::status).containsExactly(400);
        assertThat(line.chat(user)).isEmpty();
    }

    private static Envelope<OutboundLineMessage> outbound(String user, String replyToken, Instant issuedAt, String text) {
        return outbound(user, replyToken, issuedAt, null, text);
    }

    private static Envelope<OutboundLineMessage> outbound(String user, String replyToken, Instant issuedAt,
            String inReplyToMessageId, String text) {
        return Envelope.of(UUID.randomUUID().toString(), Instant.now(),
                ConversationIds.line(SimulatorConfig.DEV_DESTINATION, user), null, null,
                new OutboundLineMessage(SimulatorConfig.DEV_DESTINATION, user, replyToken, issuedAt, null,
                        inReplyToMessageId, List.of(text), AnswerKind.AUTO));
    }

    private static Envelope<OutboundLineMessage> traced(Envelope<OutboundLineMessage> envelope, String traceparent) {
        return Envelope.of(envelope.eventId(), envelope.occurredAt(), envelope.conversationId(), null, traceparent,
                envelope.payload());
    }

    private static void publish(Envelope<?> envelope) throws Exception {
        send(envelope.conversationId(), EventCodec.shared().encode(envelope));
    }

    private static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.OUTBOUND_LINE, key, value)).get();
    }

    /** The one delivery report of {@code outbound}, waiting for it. */
    private static Envelope<DeliveryReport> deliveryReportOf(Envelope<?> outbound) throws InterruptedException {
        List<ConsumerRecord<String, String>> reports = deliveries.await(
                record -> isReportOf(record, outbound.eventId()), 1, WAIT);
        assertThat(reports).as("delivery reports of " + outbound.eventId()).hasSize(1);
        assertThat(reports.get(0).key()).isEqualTo(outbound.conversationId());
        return EventCodec.shared().decode(reports.get(0).value()).as(DeliveryReport.class);
    }

    private static boolean isReportOf(ConsumerRecord<String, String> record, String outboundEventId) {
        return EventCodec.shared().decode(record.value()).payload() instanceof DeliveryReport report
                && report.outboundEventId().equals(outboundEventId);
    }

    private static String newUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }
}
