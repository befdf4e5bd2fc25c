package io.casedesk.ingress.line.mapping;

import io.casedesk.ingress.line.mapping.MappingResult.Ignored;
import io.casedesk.ingress.line.mapping.MappingResult.Mapped;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LineEventMapperTest {

    private static final String BOT = "Ubot00000000000000000000000000001";
    private static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");

    private final LineEventMapper mapper = new LineEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTextFromAUserIsATextInTheUsersConversation() throws Exception {
        Mapped mapped = mapOne("""
                {"type":"message","webhookEventId":"01EV","deliveryContext":{"isRedelivery":false},"timestamp":1700000000000,
                 "mode":"active","replyToken":"tok","source":{"type":"user","userId":"U1"},
                 "message":{"type":"text","id":"m1","text":"where is my case?"}}""");

        assertThat(mapped.eventId()).isEqualTo(EventIds.lineInbound("01EV"));
        assertThat(mapped.conversationId()).isEqualTo(ConversationIds.line(BOT, "U1"));
        assertThat(mapped.occurredAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        InboundMessage message = mapped.message();
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("where is my case?");
        assertThat(message.senderId()).isEqualTo("U1");
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.line().destination()).isEqualTo(BOT);
        assertThat(message.line().sourceType()).isEqualTo("user");
        assertThat(message.line().webhookEventId()).isEqualTo("01EV");
        assertThat(message.line().messageId()).isEqualTo("m1");
        assertThat(message.line().replyToken()).isEqualTo("tok");
        assertThat(message.line().replyTokenIssuedAt()).isEqualTo(mapped.occurredAt());
        assertThat(message.line().standby()).isFalse();
        assertThat(message.line().redelivery()).isFalse();
        assertThat(message.line().mentionedBot()).isFalse();
    }

    @Test
    void inAGroupTheBotIsMentionedByItsSelfFlagOrItsUserId() throws Exception {
        String groupText = """
                {"type":"message","timestamp":1,"mode":"active","source":{"type":"group","groupId":"C1","userId":"U1"},
                 "message":{"type":"text","id":"m1","text":"@bot hi","mention":{"mentionees":[%s]}}}""";

        Mapped bySelfFlag = mapOne(groupText.formatted("{\"index\":0,\"length\":4,\"type\":\"user\",\"userId\":\"Uother\",\"isSelf\":true}"));
        Mapped byUserId = mapOne(groupText.formatted("{\"index\":0,\"length\":4,\"type\":\"user\",\"userId\":\"" + BOT + "\"}"));
        Mapped someoneElse = mapOne(groupText.formatted("{\"index\":0,\"length\":4,\"type\":\"user\",\"userId\":\"U2\",\"isSelf\":false}"));
        Mapped everybody = mapOne(groupText.formatted("{\"index\":0,\"length\":4,\"type\":\"all\"}"));

        assertThat(bySelfFlag.message().line().mentionedBot()).isTrue();
        assertThat(byUserId.message().line().mentionedBot()).isTrue();
        assertThat(someoneElse.message().line().mentionedBot()).isFalse();
        assertThat(everybody.message().line().mentionedBot()).isFalse();
        assertThat(bySelfFlag.conversationId()).isEqualTo(ConversationIds.line(BOT, "C1"));
        assertThat(bySelfFlag.message().line().groupId()).isEqualTo("C1");
        assertThat(bySelfFlag.message().senderId()).isEqualTo("U1");
    }

    @Test
    void standbyAndRedeliveryAreKept() throws Exception {
        Mapped mapped = mapOne("""
                {"type":"message","webhookEventId":"01EV","deliveryContext":{"isRedelivery":true},"timestamp":1,
                 "mode":"standby","source":{"type":"room","roomId":"R1"},"message":{"type":"text","id":"m1","text":"x"}}""");

        assertThat(mapped.message().line().standby()).isTrue();
        assertThat(mapped.message().line().redelivery()).isTrue();
        assertThat(mapped.message().line().roomId()).isEqualTo("R1");
        assertThat(mapped.message().answerable()).isFalse();
    }

    @Test
    void filesAreAttachmentMetadata() throws Exception {
        Mapped mapped = mapOne("""
                {"type":"message","timestamp":1,"mode":"active","source":{"type":"user","userId":"U1"},
                 "message":{"type":"file","id":"f1","fileName":"contract.pdf","fileSize":2048}}""");

        assertThat(mapped.message().kind()).isEqualTo(MessageKind.FILE);
        assertThat(mapped.message().text()).isNull();
        assertThat(mapped.message().attachments())
                .containsExactly(new Attachment("f1", "file", "contract.pdf", "application/pdf", 2048L));
    }

    @Test
    void aLocationIsReadableText() throws Exception {
        Mapped mapped = mapOne("""
                {"type":"message","timestamp":1,"mode":"active","source":{"type":"user","userId":"U1"},
                 "message":{"type":"location","id":"l1","title":"Office","address":"Taipei","latitude":25.03,"longitude":121.56}}""");

        assertThat(mapped.message().kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(mapped.message().text()).isEqualTo("Office\nTaipei\n25.03,121.56");
    }

    @Test
    void aSingleJoinedMemberIsTheSender() throws Exception {
        Mapped mapped = mapOne("""
                {"type":"memberJoined","timestamp":1,"mode":"active","replyToken":"tok","source":{"type":"group","groupId":"C1"},
                 "joined":{"members":[{"type":"user","userId":"U9"}]}}""");

        assertThat(mapped.message().kind()).isEqualTo(MessageKind.MEMBER_JOINED);
        assertThat(mapped.message().senderId()).isEqualTo("U9");
    }

    @Test
    void eventsThatAreNoCustomerMessageAreIgnoredWithAReason() throws Exception {
        assertThat(map("{\"type\":\"brandNew\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"}}"))
                .isEqualTo(new Ignored("brandNew", "unknown_event"));
        assertThat(map("{\"type\":\"beacon\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"},\"beacon\":{\"hwid\":\"1\",\"type\":\"enter\"}}"))
                .isEqualTo(new Ignored("beacon", "not_a_customer_message"));
        assertThat(map("{\"type\":\"message\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"},\"message\":{\"type\":\"hologram\",\"id\":\"1\"}}"))
                .isEqualTo(new Ignored("message", "unknown_message_type"));
        assertThat(map("{\"type\":\"follow\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"channel\"}}"))
                .isEqualTo(new Ignored("follow", "unknown_source"));
    }

    private Mapped mapOne(String event) throws MalformedWebhookException {
        MappingResult result = map(event);
        assertThat(result).isInstanceOf(Mapped.class);
        return (Mapped) result;
    }

    private MappingResult map(String event) throws MalformedWebhookException {
        ReceivedWebhook webhook = new WebhookBodyReader().read(
                ("{\"destination\":\"" + BOT + "\",\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8));
        return mapper.map(webhook.destination(), webhook.events().get(0));
    }
}
