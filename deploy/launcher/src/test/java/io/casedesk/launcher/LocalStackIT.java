package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.infra.FreePorts;
import io.casedesk.infra.test.HeadlessChromium;
import io.casedesk.infra.test.OtlpTraceStandIn;
import io.casedesk.infra.test.OtlpTraceStandIn.ReceivedSpan;
import io.casedesk.launcher.probe.ProbeFile;
import io.casedesk.launcher.probe.ProbeResult;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, for real: Kafka, PostgreSQL, every service from its packaged jar, and the LINE
 * simulator, started exactly as {@code ./casedesk up} starts them (on free ports).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CASE_NUMBER = Pattern.compile("\\d{4}-[A-Z]{3}-\\d{4}");
    private static final String CHANG_LINE_USER = "Uf0d4b5d7bf148e3c5849974bb722897c";

    private static final Duration BROWSER_WAIT = Duration.ofSeconds(60);

    private static StackSettings settings;
    private static LocalStack stack;
    private static JsonNode bundle;
    private static OtlpTraceStandIn collector;

    @BeforeAll
    static void startStack() throws Exception {
        Path repository = Path.of(System.getProperty("casedesk.repository", "../..")).toAbsolutePath().normalize();
        Path home = repository.resolve("deploy/launcher/target/local-stack-it-" + ProcessHandle.current().pid());
        settings = new StackSettings(repository, home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), false, (collector = OtlpTraceStandIn.start()).endpoint(),
                StackSettings.LOOPBACK);
        Path demo = Casedesk.demoBundle(repository);
        bundle = JSON.readTree(Files.readString(demo));
        // The business clock of the demo firm's probes (a Monday morning within service hours), so that what the
        // tests count does not depend on the day they run: no out-of-hours notice joins the answers.
        java.time.OffsetDateTime clock = ProbeFile.read(repository.resolve("deploy/demo-data/probes-demo.json")).clock();
        Instant started = Instant.now();
        stack = LocalStack.start(settings, new StackOptions(demo, false, clock),
                line -> System.out.println("[stack] " + line));
        System.out.printf("[stack] healthy after %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.pids().forEach((name, pid) -> System.out.printf("[stack] %-15s RSS %s MiB%n", name, Casedesk.rssMib(pid)));
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    /**
     * Read from the kernel's socket table (no traffic is sent): every service's listening socket is bound to
     * 127.0.0.1, none to every address.
     */
    @Test
    void everyServiceListensOnLoopbackOnly() throws Exception {
        Map<Integer, Set<String>> listeners = new java.util.HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                if ("0A".equals(fields[3])) { // LISTEN
                    String[] local = fields[1].split(":");
                    listeners.computeIfAbsent(Integer.parseInt(local[1], 16), port -> new HashSet<>()).add(local[0]);
                }
            }
        }
        StackSettings settings = stack.settings();
        for (int port : List.of(settings.ingressLinePort(), settings.ingressEmailPort(), settings.classifierPort(),
                settings.responderPort(), settings.handoffPort(), settings.caseServicePort())) {
            // 127.0.0.1 as /proc/net/tcp writes it (little-endian hex); the IPv4-mapped form in tcp6.
            assertThat(listeners.get(port)).as("listeners on port " + port).isNotEmpty()
                    .allMatch(address -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
        }
    }

    @Test
    void aDemoCustomerAskingOnLineGetsExactlyOneReplyNamingHisOwnCaseAndNextStep() throws Exception {
        JsonNode replies = say("{\"customerRef\":\"C-1001\",\"text\":\"我想了解目前離婚訴訟案件的進展\",\"waitSeconds\":30}");

        assertThat(replies).hasSize(1);
        JsonNode reply = replies.get(0);
        assertThat(reply.path("method").asText()).isEqualTo("reply");
        assertThat(reply.path("replyToken").asText()).isNotBlank();
        String text = String.join("\n", texts(reply));
        assertThat(text).contains("2026-FAM-0142").contains("2026-12-03");
        assertThat(CASE_NUMBER.matcher(text).results().map(m -> m.group()).distinct().toList())
                .containsExactly("2026-FAM-0142");

        // Nothing else arrives later: one question, one answer.
        Thread.sleep(3000);
        assertThat(chat(CHANG_LINE_USER)).hasSize(1);
    }

    /**
     * One trace from the webhook to the answer: the simulator posts the webhook with a known {@code traceparent}
     * and records the one of the bot's reply call. Through ingress-line, classifier, responder and ingress-line
     * again (four Kafka hops), the trace id stays the same while every hop adds its own span; and the services
     * export those spans (OpenTelemetry, OTLP to a local collector) as one connected trace.
     */
    @Test
    void oneTraceIdFollowsALineMessageFromTheWebhookToTheAnswer() throws Exception {
        String traceId = randomHex(32);
        String webhookSpan = randomHex(16);
        String traceparent = "00-" + traceId + "-" + webhookSpan + "-01";

        HttpResponse<String> said = sayRaw("{\"customerRef\":\"C-1005\",\"text\":\"我想了解目前案件的進展\","
                + "\"traceparent\":\"" + traceparent + "\",\"waitSeconds\":30}");

        assertThat(said.headers().firstValue("traceparent")).contains(traceparent);
        JsonNode replies = JSON.readTree(said.body());
        assertThat(replies).as(said.body()).isNotEmpty();
        for (JsonNode reply : replies) {
            String answerTrace = reply.path("traceparent").asText("");
            assertThat(answerTrace).as("traceparent of the bot's %s call", reply.path("method").asText())
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(answerTrace.substring(3, 35)).isEqualTo(traceId);
            assertThat(answerTrace.substring(36, 52)).isNotEqualTo(webhookSpan);
        }

        List<String> hops = List.of("POST /line/webhook", "cs.inbound.v1 publish", "cs.inbound.v1 process",
                "cs.triaged.v1 publish", "cs.triaged.v1 process", "cs.outbound.line.v1 publish",
                "cs.outbound.line.v1 process", "LINE reply");
        List<String> services = List.of("ingress-line", "classifier", "responder", "case-service");
        List<ReceivedSpan> trace = awaitSpans(traceId, hops, services);
        assertThat(trace.stream().map(ReceivedSpan::name).collect(Collectors.toSet())).containsAll(hops);
        assertThat(trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet())).containsAll(services);
        // Connected: every span's parent is a span of the trace, except the webhook's, whose parent is the caller's.
        Set<String> parents = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toCollection(HashSet::new));
        parents.add(webhookSpan);
        assertThat(trace).allSatisfy(span -> assertThat(span.parentSpanId())
                .as("parent of %s (%s)", span.name(), span.service()).isIn(parents));
        ReceivedSpan reply = trace.stream().filter(span -> span.name().equals("LINE reply")).findFirst().orElseThrow();
        String replyHeader = replies.get(0).path("traceparent").asText();
        assertThat(replyHeader.substring(36, 52)).as("the reply call carries its span's id").isEqualTo(reply.spanId());
    }

    /**
     * The spans of a trace once every name of {@code hops} and every service of {@code services} arrived (each
     * service's exporter sends its spans in batches, every few seconds).
     */
    private static List<ReceivedSpan> awaitSpans(String traceId, List<String> hops, List<String> services)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(40);
        List<ReceivedSpan> trace = collector.trace(traceId);
        while (Instant.now().isBefore(deadline)
                && !(trace.stream().map(ReceivedSpan::name).collect(Collectors.toSet()).containsAll(hops)
                        && trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()).containsAll(services))) {
            Thread.sleep(500);
            trace = collector.trace(traceId);
        }
        trace.forEach(span -> System.out.printf("[trace] %-13s %-9s %-30s %s <- %s%n", span.service(), span.kind(),
                span.name(), span.spanId(), span.parentSpanId()));
        return trace;
    }

    @Test
    void anUnknownLineUserGetsNoCaseFacts() throws Exception {
        String stranger = "U" + UUID.randomUUID().toString().replace("-", "");

        JsonNode replies = say("{\"userId\":\"" + stranger + "\",\"text\":\"我想了解目前離婚訴訟案件的進展\",\"waitSeconds\":30}");

        assertThat(replies).isNotEmpty();
        String text = String.join("\n", replies.findValues("texts").stream().flatMap(t -> texts(t).stream()).toList());
        assertThat(text).doesNotContainPattern(CASE_NUMBER.pattern());
        for (JsonNode c : bundle.path("cases")) {
            assertThat(text).doesNotContain(c.path("nextStep").path("date").asText("none-none"));
            assertThat(text).doesNotContain(c.path("assignee").asText("none-none"));
        }
    }

    /**
     * The classifier's embedding of a plain question travels on cs.triaged.v1 and the responder's knowledge search uses
     * it instead of embedding the question again; the responder checks the first ones it reuses against its own model,
     * so a "mismatch" here would mean the two services' models disagree.
     */
    @Test
    void theResponderReusesTheClassifiersEmbeddingOfAPlainQuestion() throws Exception {
        String stranger = "U" + UUID.randomUUID().toString().replace("-", "");

        JsonNode replies = say("{\"userId\":\"" + stranger + "\",\"text\":\"What are your office hours?\",\"waitSeconds\":30}");

        assertThat(replies).isNotEmpty();
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.responderPort() + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(metrics.body()).containsPattern("casedesk_responder_question_embeddings_total\\{[^}]*source=\"reused\"[^}]*} [1-9]");
        assertThat(metrics.body()).doesNotContainPattern("casedesk_responder_question_embeddings_total\\{[^}]*source=\"mismatch\"");
    }

    @Test
    void aDemoCustomerEmailingTheFirmGetsAnAnswerByEmailInHisThreadWithHisCaseFacts() throws Exception {
        LocalMailClient mailbox = new LocalMailClient(stack.settings().smtpPort(), stack.settings().imapPort());
        String address = "chang.chihming@example.com";

        String messageId = mailbox.send(address, "案件進度詢問", "您好，我想了解目前離婚訴訟案件的進展，謝謝。");
        List<String> answers = mailbox.awaitAnswers(address, messageId, Duration.ofSeconds(60));

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).startsWith("Re: 案件進度詢問").contains("2026-FAM-0142").contains("2026-12-03");
        assertThat(CASE_NUMBER.matcher(answers.get(0)).results().map(m -> m.group()).distinct().toList())
                .containsExactly("2026-FAM-0142");
    }

    @Test
    void aCustomerAskingByEmailAboutHerContractReviewIsAnsweredWithItsStatus() throws Exception {
        LocalMailClient mailbox = new LocalMailClient(stack.settings().smtpPort(), stack.settings().imapPort());
        String address = "yichun.wang@example.tw";

        String messageId = mailbox.send(address, "加盟合約審閱進度", "您好，想請問我的加盟合約審閱目前進度如何？謝謝。\n王怡君");
        List<String> answers = mailbox.awaitAnswers(address, messageId, Duration.ofSeconds(60));

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).startsWith("Re: 加盟合約審閱進度").contains("王小姐").contains("2026-CON-0388")
                .doesNotContain("2026-FAM-0142");
    }

    @Test
    void aWebhookWithABadSignatureIsRejectedAndPublishesNothing() throws Exception {
        String webhookEventId = "01BADSIG" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
        String body = """
                {"destination":"%s","events":[{"type":"message","mode":"active","timestamp":%d,
                 "webhookEventId":"%s","deliveryContext":{"isRedelivery":false},
                 "source":{"type":"user","userId":"%s"},"replyToken":"forged-token",
                 "message":{"id":"1","type":"text","text":"我想了解目前離婚訴訟案件的進展"}}]}"""
                .formatted(StackSettings.LINE_BOT_DESTINATION, System.currentTimeMillis(), webhookEventId, CHANG_LINE_USER);
        String webhook = "http://127.0.0.1:" + stack.settings().ingressLinePort() + "/line/webhook";

        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(webhook))
                .header("Content-Type", "application/json")
                .header("X-Line-Signature", "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ==")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(webhook))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(inboundRecords()).noneMatch(r -> r.value().contains(webhookEventId));
    }

    /**
     * The whole handoff, in real browsers: a customer (蔡佩珊, C-1008) asks for a person in the LINE simulator's page,
     * the ticket appears live in the agent's inbox, the agent answers from the keyboard, and the answer arrives live
     * in the customer's chat, under the agent's name. Screenshots: deploy/launcher/target/screenshots/.
     */
    @Test
    void anAgentAnswersInTheInboxAndTheCustomerSeesItLiveOnLine() {
        Path screenshots = Path.of("target", "screenshots");
        String answer = "蔡小姐您好，我是承辦律師的助理，這就為您確認。";
        try (HeadlessChromium agentBrowser = HeadlessChromium.start();
             HeadlessChromium customerBrowser = HeadlessChromium.start()) {
            WebDriver inbox = agentBrowser.driver();
            inbox.get("http://127.0.0.1:" + stack.settings().handoffPort() + "/inbox/");
            agentBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            inbox.findElement(By.id("username")).sendKeys("agent1");
            inbox.findElement(By.id("password")).sendKeys("agent1", Keys.ENTER);
            agentBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.textToBe(By.id("me"), "agent1"));
            agentBrowser.waitUpTo(BROWSER_WAIT).until(d -> d.findElement(By.id("live-status")).getText().startsWith("●"));
            agentBrowser.screenshot(screenshots.resolve("stack-1-inbox-signed-in.png"));

            WebDriver line = customerBrowser.driver();
            line.get(stack.settings().simulatorUrl() + "/#C-1008");
            customerBrowser.waitUpTo(BROWSER_WAIT).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("chat-subtitle"), "C-1008"));
            line.findElement(By.id("input")).sendKeys("我要找真人律師，麻煩盡快", Keys.ENTER);
            customerBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".row[data-kind='bot']")));

            By ticket = By.xpath("//ul[@id='queue']/li[contains(., '蔡佩珊')]");
            agentBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(ticket));
            agentBrowser.screenshot(screenshots.resolve("stack-2-inbox-live-ticket.png"));
            agentBrowser.click(ticket, BROWSER_WAIT); // the queue is redrawn on every live event
            agentBrowser.waitUpTo(BROWSER_WAIT).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-title"), "蔡佩珊"));
            assertThat(inbox.findElement(By.id("cases")).getText()).contains("2026-FAM-0207");
            WebElement reply = inbox.findElement(By.id("reply-text"));
            reply.sendKeys(answer);
            reply.sendKeys(Keys.ENTER);
            agentBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#messages li.msg.agent"), answer));
            agentBrowser.screenshot(screenshots.resolve("stack-3-inbox-answered.png"));

            By received = By.xpath("//div[contains(@class,'row') and contains(@class,'from-agent')][contains(., '" + answer
                    + "')]");
            customerBrowser.waitUpTo(BROWSER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(received));
            assertThat(customerBrowser.textOf(received, BROWSER_WAIT)).contains(answer);
            customerBrowser.screenshot(screenshots.resolve("stack-4-line-answer-from-agent.png"));
        }
    }

    private static JsonNode say(String request) throws Exception {
        JsonNode root = JSON.readTree(sayRaw(request).body());
        return root.isArray() ? root : root.path("replies");
    }

    private static HttpResponse<String> sayRaw(String request) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.settings().simulatorUrl() + "/simulator/say"))
                .header("Content-Type", "application/json; charset=utf-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, digits);
    }

    private static JsonNode chat(String userId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.settings().simulatorUrl() + "/simulator/chats/" + userId)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode root = JSON.readTree(response.body());
        return root.isArray() ? root : root.path("messages");
    }

    private static List<String> texts(JsonNode message) {
        List<String> texts = new ArrayList<>();
        (message.isArray() ? message : message.path("texts")).forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** Every record on cs.inbound.v1 so far, read with a fresh consumer group. */
    private static List<ConsumerRecord<String, String>> inboundRecords() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INBOUND));
            Instant until = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Kill -9 of the responder in the middle of a run of messages from many LINE users (its consumer works on several
     * conversations at once, committing offsets only below the lowest unfinished record): once the stack has started it
     * again, every message the webhook acknowledged is answered, and none twice. Judged by the benchmark itself
     * ({@code ./casedesk bench --kill responder}), against the real broker; before the probes, which then also run on
     * the restarted responder.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aResponderKilledMidRunLosesNoMessageAndAnswersNoneTwice() {
        new StackState(settings).write(stack.pids(), new StackOptions(null, false, null), null);

        int exit = io.casedesk.launcher.bench.Benchmark.main(settings, List.of("--rate", "10", "--seconds", "20",
                "--users", "60", "--warmup", "0", "--idle", "1", "--kill", "responder", "--kill-after", "6"));

        assertThat(exit).as("the benchmark's verdict: every acknowledged message answered once, the responder restarted")
                .isZero();
    }

    /**
     * The demo firm's probes ({@code deploy/demo-data/probes-demo.json}), sent through the real channels as
     * {@code ./casedesk probe} sends them; last, since they import the firm again and take over its customers'
     * conversations. What must never happen is asserted for every probe: a message left without any answer,
     * an answer that says what it must not (another customer's facts, a personal number echoed back, an injected
     * instruction obeyed), a message a person must see answered by the bot alone. Whether each answer also says all
     * it should, without a person, is the figure printed (the issue tracker holds it), not a pass condition here.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theDemoFirmsProbesAreAnsweredSafely() {
        ProbeFile probes = ProbeFile.read(settings.repository().resolve("deploy/demo-data/probes-demo.json"));
        new LocalStack(settings, line -> { }).importBundle(probes.bundleFile());
        List<ProbeResult> results;
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        try (ProbeRunner runner = new ProbeRunner(settings, new ProbeRunner.Options(3, Duration.ofSeconds(40)))) {
            results = runner.run(probes, result -> result.print(out, false));
        }
        System.out.println("[probes] " + ProbeResult.summary(results));

        assertThat(results).hasSize(probes.probes().size());
        assertThat(results).as("probes left without an answer").filteredOn(r -> r.answer().isBlank())
                .extracting(r -> r.probe().id()).isEmpty();
        assertThat(results).as("probes whose answer says what it must not").filteredOn(r -> r.reasons().stream()
                .anyMatch(reason -> reason.endsWith("which it must not"))).extracting(r -> r.probe().id()).isEmpty();
        assertThat(results).as("probes a person had to see, answered by the bot alone").filteredOn(r ->
                Boolean.TRUE.equals(r.probe().handoff()) && r.handoffs().isEmpty()).extracting(r -> r.probe().id()).isEmpty();
    }
}
