package io.casedesk.ingress.line.mapping;

import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.UnknownEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookBodyReaderTest {

    private final WebhookBodyReader reader = new WebhookBodyReader();

    @Test
    void theVerificationCallWithoutEventsIsAWebhook() throws Exception {
        assertThat(read("{\"destination\":\"Ubot\",\"events\":[]}").events()).isEmpty();
        assertThat(read("{\"events\":[]}").events()).isEmpty();
    }

    @Test
    void eventsKeepLinesIdOrGetOneFromTheirContent() throws Exception {
        String legacy = "{\"type\":\"message\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"},"
                + "\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"%s\"}}";
        ReceivedWebhook webhook = read("{\"destination\":\"Ubot\",\"events\":["
                + "{\"type\":\"message\",\"webhookEventId\":\"01ABC\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"},\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"a\"}},"
                + legacy.formatted("a") + "," + legacy.formatted("b") + ","
                + "{\"type\":\"somethingNew\",\"timestamp\":1,\"mode\":\"active\",\"source\":{\"type\":\"user\",\"userId\":\"U1\"}}]}");

        assertThat(webhook.events()).extracting(ReceivedWebhook.ReceivedEvent::type)
                .containsExactly("message", "message", "message", "somethingNew");
        assertThat(webhook.events().get(0).idempotencyKey()).isEqualTo("01ABC");
        assertThat(webhook.events().get(0).event()).isInstanceOf(MessageEvent.class);
        assertThat(webhook.events().get(1).idempotencyKey()).startsWith("sha256:")
                .isNotEqualTo(webhook.events().get(2).idempotencyKey());
        assertThat(webhook.events().get(3).event()).isInstanceOf(UnknownEvent.class);
        String again = read("{\"destination\":\"Ubot\",\"events\":[" + legacy.formatted("a") + "]}").events().get(0).idempotencyKey();
        assertThat(again).isEqualTo(webhook.events().get(1).idempotencyKey());
    }

    @Test
    void bodiesThatAreNoWebhookAreRefused() {
        for (String body : new String[] {"", "not json", "[]", "{}", "{\"events\":{}}",
                "{\"destination\":\"Ubot\",\"events\":[null]}", "{\"destination\":\"Ubot\",\"events\":[1]}",
                "{\"destination\":\"Ubot\",\"events\":[{\"type\":\"follow\",\"timestamp\":1,"
                        + "\"source\":{\"type\":\"user\",\"userId\":\"U1\"}},null]}",
                "{\"events\":[{\"type\":\"follow\",\"timestamp\":1,\"source\":{\"type\":\"user\",\"userId\":\"U1\"}}]}",
                "{\"destination\":\"U:bot\",\"events\":[{\"type\":\"follow\",\"timestamp\":1,\"source\":{\"type\":\"user\",\"userId\":\"U1\"}}]}"}) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(MalformedWebhookException.class);
        }
    }

    private ReceivedWebhook read(String body) throws MalformedWebhookException {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
