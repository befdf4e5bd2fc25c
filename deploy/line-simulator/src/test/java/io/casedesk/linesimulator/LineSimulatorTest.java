package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LineSimulatorTest {

    private static final String USER = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<ReceivedWebhook> received = new LinkedBlockingQueue<>();
    /** What the fake bot does with a webhook; by default it accepts it. */
    private volatile BotBehaviour bot = webhook -> 200;
    private HttpServer fakeBot;
    private LineSimulator line;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        fakeBot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fakeBot.createContext("/line/webhook", exchange -> {
            ReceivedWebhook webhook = new ReceivedWebhook(exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders().getFirst("X-Line-Signature"),
                    exchange.getRequestHeaders().getFirst("traceparent"));
            received.add(webhook);
            exchange.sendResponseHeaders(bot.answer(webhook), -1);
            exchange.close();
        });
        fakeBot.start();
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, """
                {"customers": [
                  {"ref": "C-1001", "name": "張志明", "language": "zh-Hant", "lineUserId": "%s"},
                  {"ref": "C-1012", "name": "No Line", "language": "en", "lineUserId": null}
                ]}""".formatted(USER));
        line = LineSimulator.start(SimulatorConfig.forTests()
                .withUsers(SimulatedUser.fromBundle(bundle))
                .withWebhookUrl(URI.create("http://127.0.0.1:" + fakeBot.getAddress().getPort() + "/line/webhook")));
    }

    @AfterEach
    void stop() {
        line.close();
        fakeBot.stop(0);
    }

    @Test
    void aTextMessageWebhookIsSignedWithTheChannelSecretOverTheRawBytes() throws Exception {
        Webhook webhook = line.textMessage(USER, "我想了解案件進度");

        assertThat(line.deliver(webhook)).isEqualTo(200);

        ReceivedWebhook got = received.poll(5, TimeUnit.SECONDS);
        assertThat(got.body()).isEqualTo(webhook.body());
        assertThat(got.signature()).isEqualTo(hmacSha256Base64(SimulatorConfig.DEV_CHANNEL_SECRET, got.body()));
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.path("destination").asText()).isEqualTo(SimulatorConfig.DEV_DESTINATION);
        JsonNode event = body.path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("message");
        assertThat(event.path("mode").asText()).isEqualTo("active");
        assertThat(event.path("webhookEventId").asText()).isEqualTo(webhook.webhookEventId()).hasSize(26);
        assertThat(event.path("replyToken").asText()).isEqualTo(webhook.replyToken());
        assertThat(event.path("deliveryContext").path("isRedelivery").asBoolean(true)).isFalse();
        assertThat(event.path("timestamp").asLong()).isPositive();
        assertThat(event.path("source").path("type").asText()).isEqualTo("user");
        assertThat(event.path("source").path("userId").asText()).isEqualTo(USER);
        assertThat(event.path("message").path("type").asText()).isEqualTo("text");
        assertThat(event.path("message").path("text").asText()).isEqualTo("我想了解案件進度");
        assertThat(line.textMessage(USER, "again").webhookEventId()).isNotEqualTo(webhook.webhookEventId());
    }

    @Test
    void rawBodiesArePostedWithTheGivenSignatureOrNone() throws Exception {
        byte[] body = "{\"destination\":\"x\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

        line.postSigned(body);
        line.post(body, "bm90IGEgc2lnbmF0dXJl");
        line.post(body, null);

        assertThat(received.poll(5, TimeUnit.SECONDS).signature()).isEqualTo(hmacSha256Base64(SimulatorConfig.DEV_CHANNEL_SECRET, body));
        assertThat(received.poll(5, TimeUnit.SECONDS).signature()).isEqualTo("bm90IGEgc2lnbmF0dXJl");
        assertThat(received.poll(5, TimeUnit.SECONDS).signature()).isNull();
    }

    @Test
    void aPushWithARepeatedRetryKeyIsAConflictAndRecordedOnce() throws Exception {
        String retryKey = UUID.randomUUID().toString();
        String push = "{\"to\":\"" + USER + "\",\"messages\":[{\"type\":\"text\",\"text\":\"您好\"}]}";

        HttpResponse<String> first = api("POST", "/v2/bot/message/push", push, retryKey);
        HttpResponse<String> second = api("POST", "/v2/bot/message/push", push, retryKey);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("sentMessages")).hasSize(1);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("x-line-accepted-request-id"))
                .isEqualTo(first.headers().firstValue("x-line-request-id"));
        assertThat(line.chat(USER)).singleElement().satisfies(message -> {
            assertThat(message.method()).isEqualTo(BotMessage.PUSH);
            assertThat(message.retryKey()).isEqualTo(retryKey);
            assertThat(message.texts()).containsExactly("您好");
        });
        assertThat(api("POST", "/v2/bot/message/push", push, "not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void aReplyTokenWorksOnceAndOnlyWhenTheSimulatorIssuedIt() throws Exception {
        String token = line.issueReplyToken(USER);
        String reply = "{\"replyToken\":\"" + token + "\",\"messages\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"sticker\",\"packageId\":\"1\",\"stickerId\":\"1\"}]}";

        assertThat(api("POST", "/v2/bot/message/reply", reply, null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = api("POST", "/v2/bot/message/reply", reply, null);
        HttpResponse<String> unknown = api("POST", "/v2/bot/message/reply",
                reply.replace(token, "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"), null);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("message").asText()).isEqualTo("Invalid reply token");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(line.chat(USER)).singleElement().satisfies(message -> {
            assertThat(message.method()).isEqualTo(BotMessage.REPLY);
            assertThat(message.replyToken()).isEqualTo(token);
            assertThat(message.texts()).containsExactly("a", "[sticker]");
        });
    }

    @Test
    void queuedFailuresAnswerTheNextSendsToAChatWithoutUsingUpTheRetryKey() throws Exception {
        String retryKey = UUID.randomUUID().toString();
        String push = "{\"to\":\"" + USER + "\",\"messages\":[{\"type\":\"text\",\"text\":\"您好\"}]}";
        line.failNext(USER, 1, new ScriptedFailure(429, 3));
        line.failNext(USER, 1, new ScriptedFailure(400, null));

        HttpResponse<String> limited = api("POST", "/v2/bot/message/push", push, retryKey);
        HttpResponse<String> refused = api("POST", "/v2/bot/message/push", push, retryKey);
        HttpResponse<String> accepted = api("POST", "/v2/bot/message/push", push, retryKey);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(line.chat(USER)).hasSize(1);
        assertThat(line.calls(USER)).containsExactly(
                new ApiCall(USER, BotMessage.PUSH, 429, null, retryKey, 1),
                new ApiCall(USER, BotMessage.PUSH, 400, null, retryKey, 1),
                new ApiCall(USER, BotMessage.PUSH, 200, null, retryKey, 1));
    }

    @Test
    void aRateLimitedReplyKeepsItsTokenAndFailuresCanBeQueuedOverTheControlApi() throws Exception {
        String token = line.issueReplyToken(USER);
        String reply = "{\"replyToken\":\"" + token + "\",\"messages\":[{\"type\":\"text\",\"text\":\"a\"}]}";

        HttpResponse<String> queued = send("POST", "/simulator/chats/" + USER + "/failures",
                "{\"status\":429,\"retryAfterSeconds\":1,\"count\":2}", null);

        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(api("POST", "/v2/bot/message/reply", reply, null).statusCode()).isEqualTo(429);
        assertThat(api("POST", "/v2/bot/message/reply", reply, null).statusCode()).isEqualTo(429);
        assertThat(api("POST", "/v2/bot/message/reply", reply, null).statusCode()).isEqualTo(200);
        assertThat(line.calls(USER)).extracting(ApiCall::status).containsExactly(429, 429, 200);
        JsonNode calls = JSON.readTree(send("GET", "/simulator/chats/" + USER + "/calls", null, null).body());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).path("replyToken").asText()).isEqualTo(token);
        assertThat(send("POST", "/simulator/chats/" + USER + "/failures", "{\"status\":200}", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void callsWithoutTheChannelTokenAreUnauthorizedAndRecordNothing() throws Exception {
        String push = "{\"to\":\"" + USER + "\",\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}";

        assertThat(send("POST", "/v2/bot/message/push", push, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v2/bot/message/push", push, "Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v2/bot/profile/" + USER, null, "Basic abc").statusCode()).isEqualTo(401);
        assertThat(line.chat(USER)).isEmpty();
    }

    @Test
    void profilesComeFromTheConfiguredUsers() throws Exception {
        HttpResponse<String> known = api("GET", "/v2/bot/profile/" + USER, null, null);

        assertThat(known.statusCode()).isEqualTo(200);
        JsonNode profile = JSON.readTree(known.body());
        assertThat(profile.path("displayName").asText()).isEqualTo("張志明");
        assertThat(profile.path("language").asText()).isEqualTo("zh-Hant");
        assertThat(api("GET", "/v2/bot/profile/Uunknown", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void loadingAnimationsAreAcceptedAndCounted() throws Exception {
        assertThat(api("POST", "/v2/bot/chat/loading/start", "{\"chatId\":\"" + USER + "\",\"loadingSeconds\":20}", null)
                .statusCode()).isEqualTo(202);
        assertThat(api("POST", "/v2/bot/chat/loading/start", "{\"chatId\":\"" + USER + "\",\"loadingSeconds\":7}", null)
                .statusCode()).isEqualTo(400);
        assertThat(line.loadingAnimationsStarted(USER)).isEqualTo(1);
    }

    @Test
    void sayThroughTheControlApiReturnsTheBotsAnswer() throws Exception {
        bot = webhook -> {
            // A bot that answers every text with a reply, from another thread as a real bot would.
            JsonNode event = JSON.readTree(webhook.body()).path("events").get(0);
            String reply = "{\"replyToken\":\"" + event.path("replyToken").asText()
                    + "\",\"messages\":[{\"type\":\"text\",\"text\":\"echo: " + event.path("message").path("text").asText() + "\"}]}";
            new Thread(() -> {
                try {
                    api("POST", "/v2/bot/message/reply", reply, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            return 200;
        };

        HttpResponse<String> said = send("POST", "/simulator/say",
                "{\"customerRef\":\"C-1001\",\"text\":\"hello\",\"waitSeconds\":10}", null);

        assertThat(said.statusCode()).isEqualTo(200);
        JsonNode replies = JSON.readTree(said.body());
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("method").asText()).isEqualTo("reply");
        assertThat(replies.get(0).path("texts").get(0).asText()).isEqualTo("echo: hello");
        JsonNode chat = JSON.readTree(send("GET", "/simulator/chats/" + USER, null, null).body());
        assertThat(chat).hasSize(1);
        assertThat(send("GET", "/simulator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/simulator/say", "{\"customerRef\":\"C-9999\",\"text\":\"x\"}", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void sayPostsTheWebhookWithATraceparentAndRecordsTheOneOfTheBotsAnswer() throws Exception {
        String known = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String answerTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";
        bot = webhook -> {
            String replyToken = JSON.readTree(webhook.body()).path("events").get(0).path("replyToken").asText();
            new Thread(() -> {
                try {
                    http.send(request("POST", "/v2/bot/message/reply", "{\"replyToken\":\"" + replyToken
                                    + "\",\"messages\":[{\"type\":\"text\",\"text\":\"ok\"}]}",
                            "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN).header("traceparent", answerTrace).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            return 200;
        };

        HttpResponse<String> said = send("POST", "/simulator/say",
                "{\"userId\":\"" + USER + "\",\"text\":\"hi\",\"traceparent\":\"" + known + "\",\"waitSeconds\":10}", null);

        assertThat(said.statusCode()).isEqualTo(200);
        assertThat(said.headers().firstValue("traceparent")).contains(known);
        assertThat(received.poll(5, TimeUnit.SECONDS).traceparent()).isEqualTo(known);
        JsonNode replies = JSON.readTree(said.body());
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("traceparent").asText()).isEqualTo(answerTrace);
        assertThat(line.chat(USER)).singleElement().extracting(BotMessage::traceparent).isEqualTo(answerTrace);
    }

    @Test
    void saySendsAFileAsLineWouldAndTheContentApiServesIt() throws Exception {
        byte[] pdf = "%PDF-1.4 signed consent".getBytes(StandardCharsets.US_ASCII);
        String base64 = java.util.Base64.getEncoder().encodeToString(pdf);

        HttpResponse<String> file = send("POST", "/simulator/say", "{\"userId\":\"" + USER + "\",\"waitSeconds\":0,"
                + "\"file\":{\"name\":\"consent.pdf\",\"mediaType\":\"application/pdf\",\"base64\":\"" + base64 + "\"}}", null);
        JsonNode fileMessage = JSON.readTree(received.poll(5, TimeUnit.SECONDS).body()).path("events").get(0).path("message");
        HttpResponse<String> image = send("POST", "/simulator/say", "{\"userId\":\"" + USER + "\",\"waitSeconds\":0,"
                + "\"file\":{\"name\":\"id.jpg\",\"mediaType\":\"image/jpeg\",\"base64\":\"" + base64 + "\"}}", null);
        JsonNode imageMessage = JSON.readTree(received.poll(5, TimeUnit.SECONDS).body()).path("events").get(0).path("message");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(fileMessage.path("type").asText()).isEqualTo("file");
        assertThat(fileMessage.path("fileName").asText()).isEqualTo("consent.pdf");
        assertThat(fileMessage.path("fileSize").asInt()).isEqualTo(pdf.length);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(imageMessage.path("type").asText()).isEqualTo("image");
        HttpResponse<byte[]> content = http.send(request("GET", "/v2/bot/message/" + fileMessage.path("id").asText()
                + "/content", null, "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(pdf);
        HttpResponse<String> broken = send("POST", "/simulator/say", "{\"userId\":\"" + USER + "\",\"file\":{\"name\":\"x\","
                + "\"mediaType\":\"pdf\",\"base64\":\"AA==\"}}", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("mediaType");
    }

    @Test
    void sayStartsANewTraceWhenGivenNoneAndRefusesAnInvalidOne() throws Exception {
        HttpResponse<String> said = send("POST", "/simulator/say",
                "{\"userId\":\"" + USER + "\",\"text\":\"hi\",\"waitSeconds\":0}", null);
        HttpResponse<String> invalid = send("POST", "/simulator/say",
                "{\"userId\":\"" + USER + "\",\"text\":\"hi\",\"traceparent\":\"00-XYZ\",\"waitSeconds\":0}", null);

        assertThat(said.statusCode()).isEqualTo(200);
        String started = said.headers().firstValue("traceparent").orElseThrow();
        assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(received.poll(5, TimeUnit.SECONDS).traceparent()).isEqualTo(started);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("traceparent");
        // A message the bot sends without trace context is recorded without one.
        assertThat(api("POST", "/v2/bot/message/push",
                "{\"to\":\"" + USER + "\",\"messages\":[{\"type\":\"text\",\"text\":\"untraced\"}]}", null)
                .statusCode()).isEqualTo(200);
        assertThat(line.chat(USER)).singleElement().extracting(BotMessage::traceparent).isNull();
    }

    @Test
    void sayReportsAWebhookTheBotRejected() throws Exception {
        bot = webhook -> 401;

        HttpResponse<String> said = send("POST", "/simulator/say", "{\"userId\":\"" + USER + "\",\"text\":\"x\",\"waitSeconds\":1}", null);

        assertThat(said.statusCode()).isEqualTo(502);
        assertThat(said.body()).contains("HTTP 401");
    }

    @Test
    void usersOfABundleWithoutALineIdAreLeftOut() {
        assertThat(line.users()).extracting(SimulatedUser::customerRef).containsExactly("C-1001");
    }

    private HttpResponse<String> api(String method, String path, String body, String retryKey) throws Exception {
        HttpRequest.Builder request = request(method, path, body, "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN);
        if (retryKey != null) {
            request.header("X-Line-Retry-Key", retryKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        return http.send(request(method, path, body, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(line.baseUrl().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String hmacSha256Base64(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private record ReceivedWebhook(byte[] body, String signature, String traceparent) {
    }

    @FunctionalInterface
    private interface BotBehaviour {
        int answer(ReceivedWebhook webhook) throws IOException;
    }
}
