package io.casedesk.ingress.line;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.Webhook;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's image through the webhook: the event carries only its metadata, and handoff reads its bytes from
 * {@code /internal/attachments/{messageId}}, fetched by the SDK's content client from the LINE simulator, with the
 * attachment key only and within the size limit (64 KiB in tests).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
class LineAttachmentIT {

    /** The key whose SHA-256 the test profile configures. */
    static final String KEY = "test-attachments-key";

    @TestHTTPResource("/line/webhook")
    URI webhookUrl;

    private final LineSimulator line = LineSimulatorTestResource.simulator();

    @Test
    void anImageTravelsAsMetadataAndItsBytesAreReadFromLineWithTheKey() {
        line.webhookUrl(webhookUrl);
        ServiceReadiness.awaitReady();
        byte[] jpeg = bytes(20_000, (byte) 0x5a);
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        InboundMessage message;
        try (TopicReader inbound = new TopicReader(Topics.INBOUND)) {
            Map<TopicPartition, Long> start = inbound.end();
            Webhook webhook = line.mediaMessage(LineSimulatorTestResource.CUSTOMER.userId(), "image", "image/jpeg",
                    jpeg);
            assertThat(line.deliver(webhook)).isEqualTo(200);
            message = inbound.readSince(start).stream()
                    .map(r -> EventCodec.shared().decode(r.value()).as(InboundMessage.class).payload())
                    .filter(m -> m.kind() == MessageKind.IMAGE).findFirst().orElseThrow();
        }
        assertThat(message.attachments()).hasSize(1);
        Attachment image = message.attachments().get(0);
        assertThat(image.kind()).isEqualTo("image");
        assertThat(image.id()).isEqualTo(message.line().messageId());
        assertThat(image.sizeBytes()).isNull();

        byte[] served = given().header("Authorization", "Bearer " + KEY)
                .when().get("/internal/attachments/" + image.id())
                .then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(served).isEqualTo(jpeg);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        String messageId = "700000000000000001";
        line.content(messageId, "video/mp4", bytes(64 * 1024 + 1, (byte) 1));
        given().header("Authorization", "Bearer " + KEY)
                .when().get("/internal/attachments/" + messageId)
                .then().statusCode(413).body("error", org.hamcrest.Matchers.equalTo("too_large"));

        String exactly = "700000000000000002";
        line.content(exactly, "application/pdf", bytes(64 * 1024, (byte) 2));
        assertThat(given().header("Authorization", "Bearer " + KEY).when().get("/internal/attachments/" + exactly)
                .then().statusCode(200).extract().asByteArray()).hasSize(64 * 1024);
    }

    @Test
    void withoutTheKeyNothingIsServedAndWhatLineDoesNotHaveIsNotFound() {
        String messageId = "700000000000000003";
        line.content(messageId, "image/png", bytes(10, (byte) 3));
        for (List<String> header : List.of(List.<String>of(), List.of("Bearer wrong-key"),
                List.of("Bearer " + KEY.toUpperCase()), List.of("Basic " + KEY))) {
            var request = given();
            if (!header.isEmpty()) {
                request.header("Authorization", header.get(0));
            }
            request.when().get("/internal/attachments/" + messageId).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer");
        }
        given().header("Authorization", "Bearer " + KEY).when().get("/internal/attachments/700000000000000099")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + KEY).when().get("/internal/attachments/..%2Fprofile")
                .then().statusCode(404);
    }

    private static byte[] bytes(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
