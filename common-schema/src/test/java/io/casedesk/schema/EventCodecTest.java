package io.casedesk.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = EventCodec.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSurvivesARoundTrip(EventType type) {
        Envelope<EventPayload> original = EventSamples.envelope(type, EventSamples.all().get(type));

        Envelope<EventPayload> decoded = codec.decode(codec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.type()).isEqualTo(type.wireName());
        assertThat(decoded.payload()).isInstanceOf(type.payloadClass());
    }

    /**
     * The committed golden files pin the wire format: renaming a field breaks this test, so a rename has to
     * be a conscious decision (and a new topic version, DESIGN §2).
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenJsonIsReadBackAndMatchesTheCurrentEncoding(EventType type) throws IOException {
        Envelope<EventPayload> expected = EventSamples.envelope(type, EventSamples.all().get(type));
        if (Boolean.getBoolean("golden.update")) {
            // After a deliberate, compatible schema change: mvn test -Dgolden.update=true, then review the diff.
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden", type.wireName() + ".json"),
                    codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
        }
        String golden = readGolden(type.wireName() + ".json");

        assertThat(codec.decode(golden)).isEqualTo(expected);
        assertThat(codec.mapper().readTree(codec.encode(expected)))
                .as("encoding of %s differs from golden/%s.json", type, type.wireName())
                .isEqualTo(codec.mapper().readTree(golden));
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(readGolden("inbound.message.json"));
        tree.put("addedByANewerProducer", "x");
        ((ObjectNode) tree.get("payload")).putObject("futureSection").put("flag", true);
        ((ObjectNode) tree.get("payload").get("line")).put("newLineField", 42);

        Envelope<EventPayload> decoded = codec.decode(tree.toString());

        assertThat(decoded.payload()).isEqualTo(EventSamples.lineInbound());
    }

    @Test
    void unknownEventTypesDecodeToAnUnknownPayloadInsteadOfFailing() {
        String json = """
                {"eventId":"e-1","type":"customer.merged","schemaVersion":3,"occurredAt":"2026-11-21T01:02:03Z",
                 "conversationId":"line:Ubot:U1","payload":{"from":"C-1","to":"C-2"}}""";

        Envelope<EventPayload> decoded = codec.decode(json);

        assertThat(decoded.isUnknownType()).isTrue();
        assertThat(((UnknownPayload) decoded.payload()).type()).isEqualTo("customer.merged");
        assertThat(decoded.schemaVersion()).isEqualTo(3);
    }

    @Test
    void unknownEnumValuesFallBackToTheDefault() {
        String json = """
                {"eventId":"e-2","type":"inbound.message","occurredAt":"2026-11-21T01:02:03Z",
                 "conversationId":"line:Ubot:U1",
                 "payload":{"channel":"carrier-pigeon","kind":"hologram","senderId":"U1","text":"hi"}}""";

        InboundMessage inbound = (InboundMessage) codec.decode(json).payload();

        assertThat(inbound.channel()).isEqualTo(Channel.UNKNOWN);
        assertThat(inbound.kind()).isEqualTo(MessageKind.OTHER);
        assertThat(inbound.attachments()).isEmpty();
    }

    @Test
    void recordsThatAreNotEnvelopesFailWithAReasonThatQuotesNoPayload() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("Record is not JSON at line 1").hasMessageNotContaining("not json");
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(EventDecodingException.class)
                .hasMessage("Record is not a JSON object");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"inbound.message\",\"payload\":{}}"))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'eventId'");
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(EventDecodingException.class);
        String secretBearing = """
                {"eventId":"e-3","type":"inbound.message","occurredAt":"2026-11-21T01:02:03Z",
                 "conversationId":"c","payload":{"attachments":"A123456789 secret"}}""";
        assertThatThrownBy(() -> codec.decode(secretBearing)).isInstanceOf(EventDecodingException.class)
                .hasMessage("Payload of type 'inbound.message' is malformed at attachments")
                .hasMessageNotContaining("A123456789");
    }

    private static String readGolden(String name) throws IOException {
        // Read from the source folder so that a freshly updated golden file is seen in the same run.
        java.nio.file.Path source = java.nio.file.Path.of("src/test/resources/golden", name);
        if (java.nio.file.Files.exists(source)) {
            return java.nio.file.Files.readString(source, StandardCharsets.UTF_8);
        }
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden/%s is committed", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
