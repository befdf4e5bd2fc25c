package io.casedesk.ingress.line;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;

/**
 * Every real LINE webhook body of the LINE SDK's own test fixtures (copied unchanged, with their licence, under
 * {@code src/test/resources/peer-fixtures/line-webhook}), signed and posted through the endpoint: each gives
 * 200 and exactly the inbound events listed here (none, on purpose, for events that are no customer message).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
class LineWebhookFixturesIT {

    private static final Path FIXTURES = Path.of(System.getProperty("casedesk.line.fixtures",
            "src/test/resources/peer-fixtures/line-webhook"));
    private static final String BOT = "Uab012345678901234567890123456789";
    private static final String USER = "u206d25c2ea6bd87c17655609a1c37cb8";
    private static final String FIXTURE_REPLY_TOKEN = "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA";
    private static final Instant FIXTURE_TIME = Instant.ofEpochMilli(1462629479859L);
    private static final Instant MEMBER_EVENT_TIME = Instant.ofEpochMilli(1553506027708L);

    /** What each fixture must publish. */
    private static final Map<String, List<Expected>> EXPECTED = Map.ofEntries(
            entry("account_link.json", List.of()),
            entry("beacon.json", List.of()),
            entry("beacon_with_dm.json", List.of()),
            entry("file.json", List.of(fromUser(MessageKind.FILE, m -> assertThat(m.attachments())
                    .containsExactly(new Attachment("325708", "file", "sample.pdf", "application/pdf", 22016L))))),
            entry("follow.json", List.of(fromUser(MessageKind.FOLLOW,
                    m -> assertThat(m.line().replyToken()).isEqualTo(FIXTURE_REPLY_TOKEN)))),
            entry("image.json", List.of(fromUser(MessageKind.IMAGE, m -> assertThat(m.attachments())
                    .extracting(Attachment::id, Attachment::kind).containsExactly(tuple("325708", "image"))))),
            entry("join.json", List.of(inGroup("cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", MessageKind.JOIN, FIXTURE_TIME,
                    m -> assertThat(m.senderId()).isNull()))),
            entry("leave.json", List.of(inGroup("cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", MessageKind.LEAVE, FIXTURE_TIME,
                    m -> assertThat(m.answerable()).isFalse()))),
            entry("location.json", List.of(fromUser(MessageKind.LOCATION, m -> assertThat(m.text())
                    .contains("hello", "〒150-0002 東京都渋谷区渋谷２丁目２１−１", "35.65910807942215,139.70372892916203")))),
            entry("member_joined.json", List.of(inGroup("C1234567890", MessageKind.MEMBER_JOINED, MEMBER_EVENT_TIME,
                    m -> assertThat(m.senderId()).isEqualTo("U111111")))),
            entry("member_left.json", List.of(inGroup("C1234567890", MessageKind.MEMBER_LEFT, MEMBER_EVENT_TIME,
                    m -> assertThat(m.senderId()).isEqualTo("U111111")))),
            // LINE SDK 9.14 does not know message edits yet: an unknown event, ignored.
            entry("message-edited.json", List.of()),
            entry("postback.json", List.of(fromUser(MessageKind.POSTBACK,
                    m -> assertThat(m.text()).isEqualTo("action=buyItem&itemId=123123&color=red")))),
            entry("sticker-keywords-array.json", List.of(fromUser(MessageKind.STICKER, m -> assertThat(m.text()).isNull()))),
            entry("sticker-keywords-remove.json", List.of(fromUser(MessageKind.STICKER, m -> assertThat(m.text()).isNull()))),
            entry("sticker-with-text.json", List.of(fromUser(MessageKind.STICKER,
                    m -> assertThat(m.text()).isEqualTo("userEnteredText")))),
            entry("sticker.json", List.of(fromUser(MessageKind.STICKER, m -> assertThat(m.line().messageId()).isEqualTo("325708")))),
            entry("text-emojis.json", List.of(fromUser(MessageKind.TEXT, m -> assertThat(m.text()).isEqualTo("Hello, world")))),
            entry("text-group.json", List.of(inGroup(USER, MessageKind.TEXT, FIXTURE_TIME, m -> {
                assertThat(m.text()).isEqualTo("Hello, world");
                assertThat(m.line().standby()).isTrue();
                assertThat(m.answerable()).isFalse();
            }))),
            entry("text-mention.json", List.of(fromUser(MessageKind.TEXT, m -> {
                assertThat(m.text()).isEqualTo("Hello, world @Brown and @Cony");
                assertThat(m.line().mentionedBot()).isFalse();
            }))),
            entry("text-user.json", List.of(fromUser(MessageKind.TEXT, m -> {
                assertThat(m.text()).isEqualTo("Hello, world");
                assertThat(m.line().standby()).isFalse();
                assertThat(m.line().replyTokenIssuedAt()).isEqualTo(FIXTURE_TIME);
            }))),
            entry("unfollow.json", List.of(fromUser(MessageKind.UNFOLLOW, m -> assertThat(m.line().replyToken()).isNull()))),
            // An unknown event type, and a message of unknown type from an unknown source.
            entry("unknown.json", List.of()),
            entry("unsend.json", List.of(fromUser(MessageKind.UNSEND, m -> assertThat(m.line().messageId()).isEqualTo("325708")))),
            entry("video-play-complete.json", List.of()),
            entry("video.json", List.of(new Expected(MessageKind.VIDEO, "user", "U4af4980629...", FIXTURE_TIME,
                    (envelope, m) -> assertThat(m.attachments()).extracting(Attachment::kind).containsExactly("video")))),
            entry("webhook-redelivery.json", List.of(new Expected(MessageKind.TEXT, "user", USER, FIXTURE_TIME, (envelope, m) -> {
                assertThat(envelope.eventId()).isEqualTo(EventIds.lineInbound("01G2KZKG2DS765NMRH3GZFD8AP"));
                assertThat(m.line().webhookEventId()).isEqualTo("01G2KZKG2DS765NMRH3GZFD8AP");
                assertThat(m.line().redelivery()).isTrue();
            }))));

    private static TopicReader inbound;

    @TestHTTPResource("/line/webhook")
    URI webhookUrl;

    private final LineSimulator line = LineSimulatorTestResource.simulator();

    @BeforeAll
    static void openTopic() {
        inbound = new TopicReader(Topics.INBOUND);
    }

    @AfterAll
    static void closeTopic() {
        inbound.close();
    }

    @BeforeEach
    void pointLineAtTheService() {
        line.webhookUrl(webhookUrl);
        ServiceReadiness.awaitReady();
    }

    @Test
    void everyFixtureIsAcceptedAndPublishesExactlyItsExpectedEvents() throws IOException {
        List<Path> fixtures = fixtures();
        assertThat(fixtures.stream().map(f -> f.getFileName().toString()))
                .as("every fixture has an expectation here, and every expectation a fixture")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

        for (Path fixture : fixtures) {
            String name = fixture.getFileName().toString();
            Map<TopicPartition, Long> start = inbound.end();

            assertThat(line.postSigned(Files.readAllBytes(fixture))).as(name).isEqualTo(200);

            List<ConsumerRecord<String, String>> published = inbound.readSince(start);
            List<Expected> expected = EXPECTED.get(name);
            assertThat(published).as(name + ": inbound events").hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                expected.get(i).verify(name, published.get(i));
            }
        }
    }

    @Test
    void anOlderEventWithoutWebhookEventIdIsStillPublishedOnlyOnce() throws IOException {
        // A fixture's shape with a user of its own, so the fixture test above still sees it first.
        byte[] body = Files.readString(FIXTURES.resolve("sticker.json")).replace(USER, "Ulegacy0000000000000000000000000")
                .getBytes(StandardCharsets.UTF_8);
        Map<TopicPartition, Long> start = inbound.end();

        assertThat(line.postSigned(body)).isEqualTo(200);
        assertThat(line.postSigned(body)).isEqualTo(200);

        assertThat(inbound.readSince(start)).hasSize(1);
    }

    @Test
    void unknownEventsAreCounted() throws IOException {
        assertThat(line.postSigned(Files.readAllBytes(FIXTURES.resolve("unknown.json")))).isEqualTo(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_line_events_ignored_total{reason=\"unknown_event\",type=\"greatNewFeature\"}"))
                .body(containsString("casedesk_line_events_ignored_total{reason=\"unknown_source\",type=\"message\"}"));
    }

    private static List<Path> fixtures() throws IOException {
        assertThat(FIXTURES).as("the LINE webhook fixtures (system property casedesk.line.fixtures)").isDirectory();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Expected fromUser(MessageKind kind, Consumer<InboundMessage> details) {
        return new Expected(kind, "user", USER, FIXTURE_TIME, (envelope, message) -> {
            assertThat(message.senderId()).isEqualTo(USER);
            details.accept(message);
        });
    }

    private static Expected inGroup(String groupId, MessageKind kind, Instant at, Consumer<InboundMessage> details) {
        return new Expected(kind, "group", groupId, at, (envelope, message) -> {
            assertThat(message.line().groupId()).isEqualTo(groupId);
            details.accept(message);
        });
    }

    /** One inbound event a fixture must publish: what every event has, plus its own details. */
    private record Expected(MessageKind kind, String sourceType, String chatId, Instant occurredAt,
            EnvelopeCheck details) {

        void verify(String fixture, ConsumerRecord<String, String> record) {
            try {
                String conversationId = ConversationIds.line(BOT, chatId);
                assertThat(record.key()).isEqualTo(conversationId);
                Envelope<InboundMessage> envelope = EventCodec.shared().decode(record.value()).as(InboundMessage.class);
                assertThat(envelope.conversationId()).isEqualTo(conversationId);
                assertThat(envelope.occurredAt()).isEqualTo(occurredAt);
                InboundMessage message = envelope.payload();
                assertThat(message.channel()).isEqualTo(Channel.LINE);
                assertThat(message.kind()).isEqualTo(kind);
                assertThat(message.line().destination()).isEqualTo(BOT);
                assertThat(message.line().sourceType()).isEqualTo(sourceType);
                details.check(envelope, message);
            } catch (AssertionError e) {
                throw new AssertionError(fixture + ": " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface EnvelopeCheck {
        void check(Envelope<InboundMessage> envelope, InboundMessage message);
    }
}
