package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WebPageAndEventStreamTest {

    private static final String USER = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final SimulatedUser CHANG = new SimulatedUser(USER, "張志明", "zh-Hant", "C-1001");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> openStreams = new ArrayList<>();
    private FakeBot bot;
    private LineSimulator line;

    @BeforeEach
    void start() {
        bot = FakeBot.start();
        line = LineSimulator.start(SimulatorConfig.forTests().withUsers(List.of(CHANG))
                .withBotName("明理法律事務所 / Mingli Law Offices").withWebhookUrl(bot.webhookUrl()));
        bot.talkingTo(line);
    }

    @AfterEach
    void stop() {
        openStreams.forEach(Stream::close);
        line.close();
        bot.close();
    }

    @Test
    void thePageIsServedAtTheRootAndUnderSimulatorWithItsFiles() throws Exception {
        for (String path : List.of("/", "/simulator/")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<script src=\"/simulator/web/app.js\"", "id=\"messages\"");
        }
        assertThat(get("/simulator/web/app.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(get("/simulator/web/app.css").body()).contains(".bubble");
        assertThat(get("/simulator/web/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(get("/simulator/web/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/simulator/web/../LineSimulator.class").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("the simulator's page is at /");
    }

    @Test
    void infoNamesTheBotTheWebhookAndTheUsers() throws Exception {
        JsonNode info = Json.MAPPER.readTree(get("/simulator/info").body());

        assertThat(info.path("botName").asText()).isEqualTo("明理法律事務所 / Mingli Law Offices");
        assertThat(info.path("webhookUrl").asText()).isEqualTo(bot.webhookUrl().toString());
        assertThat(info.path("users").get(0).path("customerRef").asText()).isEqualTo("C-1001");
    }

    @Test
    void theEventStreamDeliversTheCustomersMessageTheLoadingAnimationAndTheBotsPushLive() throws Exception {
        bot.behave(webhook -> {
            FakeBot.later(() -> {
                bot.startLoading(USER, 5);
                bot.push(USER, null, "張先生您好，您的案件目前在調解程序。");
            });
            return 200;
        });
        BlockingQueue<String> stream = openEventStream(null);
        assertThat(nextEvent(stream)).startsWith("event: hello");

        assertThat(post("/simulator/say", "{\"customerRef\":\"C-1001\",\"text\":\"我的案件進度如何？\",\"waitSeconds\":0}")
                .statusCode()).isEqualTo(200);

        String customer = nextEvent(stream);
        assertThat(customer).contains("event: customer", "我的案件進度如何？");
        assertThat(nextEvent(stream)).contains("event: loading", "\"loadingSeconds\":5");
        String pushed = nextEvent(stream);
        assertThat(pushed).contains("event: bot", "\"method\":\"push\"", "張先生您好，您的案件目前在調解程序。");
        assertThat(pushed).startsWith("id: 3\n");
        assertThat(Json.MAPPER.readTree(get("/simulator/chats/" + USER + "/events").body()))
                .extracting(event -> event.path("kind").asText()).containsExactly("customer", "loading", "bot");
    }

    /** A load test matches each answer to its message by trace id, from the stream alone. */
    @Test
    void customerAndBotEventsCarryTheirTraceparent() throws Exception {
        String asked = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String answered = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";
        BlockingQueue<String> stream = openEventStream(null);
        assertThat(nextEvent(stream)).startsWith("event: hello");

        assertThat(post("/simulator/say", "{\"userId\":\"" + USER + "\",\"text\":\"hi\",\"waitSeconds\":0,\"traceparent\":\""
                + asked + "\"}").statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(line.baseUrl().resolve("/v2/bot/message/push"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + USER
                                + "\",\"messages\":[{\"type\":\"text\",\"text\":\"ok\"}]}"))
                        .header("Authorization", "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN)
                        .header("traceparent", answered).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(nextEvent(stream)).contains("event: customer", "\"traceparent\":\"" + asked + "\"");
        assertThat(nextEvent(stream)).contains("event: bot", "\"traceparent\":\"" + answered + "\"");
        assertThat(line.events(USER)).extracting(ChatEvent::traceparent).containsExactly(asked, answered);
    }

    @Test
    void aReconnectingBrowserGetsWhatItMissedAfterItsLastEventId() throws Exception {
        bot.push(USER, null, "one");
        bot.push(USER, "王律師", "two");

        BlockingQueue<String> stream = openEventStream("1");

        assertThat(nextEvent(stream)).startsWith("event: hello");
        String missed = nextEvent(stream);
        assertThat(missed).startsWith("id: 2\n").contains("\"texts\":[\"two\"]", "\"sender\":\"王律師\"");
        assertThat(line.chat(USER).get(1).senderName()).isEqualTo("王律師");
    }

    @Test
    void aWebhookTheBotRefusesMarksTheMessageUndeliveredAndSaysWhy() throws Exception {
        bot.behave(webhook -> 401);

        HttpResponse<String> said = post("/simulator/say", "{\"userId\":\"" + USER + "\",\"text\":\"hello\",\"waitSeconds\":0}");

        assertThat(said.statusCode()).isEqualTo(502);
        assertThat(said.body()).contains("HTTP 401");
        List<ChatEvent> events = line.events(USER);
        assertThat(events).extracting(ChatEvent::kind).containsExactly(ChatEvent.CUSTOMER, ChatEvent.UNDELIVERED);
        assertThat(events.get(1).refersTo()).isEqualTo(events.get(0).id());
        assertThat(events.get(1).status()).isEqualTo(401);
    }

    @Test
    void aBotThatCannotBeReachedMarksTheMessageUndelivered() throws Exception {
        line.webhookUrl(URI.create("http://127.0.0.1:9/line/webhook"));

        HttpResponse<String> said = post("/simulator/say", "{\"userId\":\"" + USER + "\",\"text\":\"hello\",\"waitSeconds\":0}");

        assertThat(said.statusCode()).isEqualTo(502);
        assertThat(said.body()).contains("could not be reached");
        assertThat(line.events(USER).get(1).error()).contains("http://127.0.0.1:9/line/webhook");
        assertThat(line.events(USER).get(1).status()).isNull();
    }

    @Test
    void aStickerIsSentAsLinesStickerMessage() throws Exception {
        HttpResponse<String> said = post("/simulator/say",
                "{\"customerRef\":\"C-1001\",\"sticker\":{\"packageId\":\"11537\",\"stickerId\":\"52002734\"},\"waitSeconds\":0}");

        assertThat(said.statusCode()).isEqualTo(200);
        JsonNode message = bot.received.poll(5, TimeUnit.SECONDS).path("events").get(0).path("message");
        assertThat(message.path("type").asText()).isEqualTo("sticker");
        assertThat(message.path("packageId").asText()).isEqualTo("11537");
        assertThat(message.path("stickerId").asText()).isEqualTo("52002734");
        assertThat(message.path("stickerResourceType").asText()).isEqualTo("STATIC");
        assertThat(line.events(USER).get(0).sticker()).isEqualTo(new ChatEvent.Sticker("11537", "52002734"));
    }

    @Test
    void badRequestsGetAClear400() throws Exception {
        HttpResponse<String> noText = post("/simulator/say", "{\"customerRef\":\"C-1001\"}");
        HttpResponse<String> notJson = post("/simulator/say", "hello");
        HttpResponse<String> badUser = post("/simulator/say", "{\"userId\":\"someone\",\"text\":\"hi\"}");
        HttpResponse<String> tooLong = post("/simulator/say",
                "{\"customerRef\":\"C-1001\",\"text\":\"" + "字".repeat(ControlApi.MAX_TEXT_LENGTH + 1) + "\"}");
        HttpResponse<String> badLastEventId = http.send(HttpRequest.newBuilder(line.baseUrl().resolve("/simulator/events"))
                .header("Last-Event-ID", "yesterday").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("Expected a JSON object with 'text'");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("U and 32 hex digits");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("5000");
        assertThat(badLastEventId.statusCode()).isEqualTo(400);
        assertThat(badLastEventId.body()).contains("Last-Event-ID");
        assertThat(bot.received).isEmpty();
    }

    @Test
    void aClosedBrowserStreamIsForgotten() throws Exception {
        BlockingQueue<String> stream = openEventStream(null);
        assertThat(nextEvent(stream)).startsWith("event: hello");
        assertThat(line.openEventStreams()).isEqualTo(1);

        openStreams.remove(0).close();
        // The server notices the closed connection at its next write at the latest: the next event.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (line.openEventStreams() > 0 && System.nanoTime() < deadline) {
            bot.push(USER, null, "anyone there?");
            Thread.sleep(100);
        }
        assertThat(line.openEventStreams()).isZero();
    }

    /** Opens {@code GET /simulator/events}; its events (their lines, without the blank line) arrive in the queue. */
    private BlockingQueue<String> openEventStream(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(line.baseUrl().resolve("/simulator/events"));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        Stream<String> lines = response.body();
        openStreams.add(lines);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            StringBuilder event = new StringBuilder();
            try {
                lines.forEach(text -> {
                    if (!text.isEmpty()) {
                        event.append(text).append('\n');
                    } else if (!event.isEmpty()) {
                        // Comments (heartbeats, the greeting) and the retry field are not events.
                        if (!event.toString().startsWith(":") && !event.toString().startsWith("retry:")) {
                            events.add(event.toString());
                        }
                        event.setLength(0);
                    }
                });
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        });
        return events;
    }

    private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(line.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(line.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
