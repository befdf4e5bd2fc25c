package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.launcher.probe.ProbeFile;
import io.casedesk.launcher.probe.ProbeFile.Probe;
import io.casedesk.launcher.probe.ProbeResult;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationState;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends probes through a running stack's real channels, as customers would: LINE messages through the simulator's
 * {@code /simulator/say}, mails through the local mail server (read back over IMAP), and watches {@code cs.handoff.v1}
 * for the HandoffRequests they cause and {@code cs.conversation-state.v1} for who owns each conversation. A
 * conversation handed to a person is handed back (its ticket closed in the agent inbox) before its next probe, so
 * every probe is answered by the bot. Probes of one writer run in file order; different writers run side by side.
 */
final class ProbeRunner implements AutoCloseable {

    /** How many writers at once, how long to wait for an answer. */
    record Options(int parallel, Duration timeout) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** After the first message: how long the conversation must stay quiet for the answer to be complete. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The local stack's supervisor sign-in (documented in the README; it exists only in the local stack). */
    private static final String SUPERVISOR = "supervisor";

    private final StackSettings settings;
    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient inbox = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final LocalMailClient mail;
    private final Watcher watcher;
    private final Map<String, String> strangers = new ConcurrentHashMap<>();
    /** Each email probe's Message-ID and subject, for the probes that answer in its thread. */
    private final Map<String, List<String>> threads = new ConcurrentHashMap<>();
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private volatile boolean signedIn;

    ProbeRunner(StackSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
        this.mail = new LocalMailClient(settings.smtpPort(), settings.imapPort());
        this.watcher = new Watcher(settings.kafkaBootstrap());
    }

    /** Runs every probe; {@code each} hears of each result as it is known. The results come in file order. */
    List<ProbeResult> run(ProbeFile file, Consumer<ProbeResult> each) {
        Map<String, List<Integer>> byWriter = new LinkedHashMap<>();
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < file.probes().size(); i++) {
            Writer writer = writer(file, file.probes().get(i));
            writers.add(writer);
            byWriter.computeIfAbsent(writer.conversationId(), k -> new ArrayList<>()).add(i);
        }
        if (!watcher.awaitCaughtUp(Duration.ofSeconds(60))) {
            throw new IllegalStateException("Cannot read " + Topics.CONVERSATION_STATE + " from " + settings.kafkaBootstrap());
        }
        ProbeResult[] results = new ProbeResult[writers.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Integer> indexes : byWriter.values()) {
                running.add(pool.submit(() -> {
                    for (int i : indexes) {
                        results[i] = probe(file.probes().get(i), writers.get(i));
                        synchronized (each) {
                            each.accept(results[i]);
                        }
                    }
                }));
            }
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }

    /** Who sends a probe, on which channel, in which conversation. */
    record Writer(String channel, String identity, String conversationId) {
    }

    private Writer writer(ProbeFile file, Probe probe) {
        String from = probe.from();
        String identity;
        if (from.startsWith("stranger")) {
            String key = probe.channel() + ":" + (from.startsWith("stranger:") ? from : from + ":" + probe.id());
            identity = strangers.computeIfAbsent(key, k -> probe.email()
                    ? "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"
                    : "U" + UUID.randomUUID().toString().replace("-", ""));
        } else if (from.startsWith("C-")) {
            JsonNode customer = ProbeFile.customer(file.bundle(), from);
            identity = customer.path(probe.email() ? "email" : "lineUserId").asText("");
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("Probe '" + probe.id() + "': customer " + from + " has no "
                        + (probe.email() ? "email address" : "LINE user id") + " in the bundle");
            }
        } else {
            identity = from;
        }
        String conversation = probe.email() ? ConversationIds.email(LocalMailServer.SUPPORT_ADDRESS, identity)
                : ConversationIds.line(StackSettings.LINE_BOT_DESTINATION, identity);
        return new Writer(probe.channel(), identity, conversation);
    }

    private ProbeResult probe(Probe probe, Writer writer) {
        for (int attempt = 1; ; attempt++) {
            handBackToTheBot(writer.conversationId());
            Instant sent = Instant.now();
            String answer;
            try {
                answer = probe.email() ? email(probe, writer) : line(probe, writer);
            } catch (IOException | jakarta.mail.MessagingException e) {
                return new ProbeResult(probe, writer.identity(), "", List.of(), Duration.between(sent, Instant.now()),
                        List.of("could not be sent: " + e.getMessage()));
            }
            List<String> handoffs = watcher.handoffsSince(writer.conversationId(), sent);
            Duration took = Duration.between(sent, Instant.now());
            if (answer.isBlank() && handoffs.isEmpty() && attempt == 1
                    && watcher.mode(writer.conversationId()) == ConversationMode.HUMAN) {
                // A person owned the conversation when the message arrived (an earlier probe's ticket opened late), so
                // the bot rightly said nothing: hand it back and send the probe again.
                continue;
            }
            if (!handoffs.isEmpty()) {
                // The ticket opens once handoff has read the request: wait for it, then close it.
                watcher.awaitMode(writer.conversationId(), ConversationMode.HUMAN, Duration.ofSeconds(30));
                handBackToTheBot(writer.conversationId());
            }
            return ProbeResult.of(probe, writer.identity(), answer, handoffs, took);
        }
    }

    private String line(Probe probe, Writer writer) throws IOException {
        int before = botMessages(writer.identity()).size();
        var body = JSON.createObjectNode();
        body.put("userId", writer.identity());
        body.put("text", probe.text());
        body.put("waitSeconds", (int) options.timeout().toSeconds());
        HttpResponse<String> said = send(http, HttpRequest.newBuilder(URI.create(settings.simulatorUrl() + "/simulator/say"))
                .header("Content-Type", "application/json; charset=utf-8")
                .timeout(options.timeout().plusSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        if (said.statusCode() != 200) {
            throw new IOException("the LINE simulator answered HTTP " + said.statusCode() + ": " + said.body());
        }
        pause(SETTLE);
        List<JsonNode> chat = botMessages(writer.identity());
        List<String> texts = new ArrayList<>();
        for (JsonNode message : chat.subList(Math.min(before, chat.size()), chat.size())) {
            message.path("texts").forEach(text -> texts.add(text.asText()));
        }
        return String.join("\n", texts);
    }

    private List<JsonNode> botMessages(String userId) throws IOException {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(
                URI.create(settings.simulatorUrl() + "/simulator/chats/" + userId)).timeout(Duration.ofSeconds(10)).GET().build());
        JsonNode root = JSON.readTree(response.body());
        List<JsonNode> messages = new ArrayList<>();
        (root.isArray() ? root : root.path("messages")).forEach(messages::add);
        return messages;
    }

    private String email(Probe probe, Writer writer) throws IOException, jakarta.mail.MessagingException {
        List<String> thread = probe.replyTo() == null ? List.of() : threads.getOrDefault(probe.replyTo(), List.of());
        String subject = probe.subject() != null ? probe.subject()
                : probe.replyTo() != null && subjects.containsKey(probe.replyTo()) ? "Re: " + subjects.get(probe.replyTo())
                : subjectOf(probe.text());
        String messageId = mail.send(writer.identity(), subject, probe.text(), thread);
        List<String> ownThread = new ArrayList<>(thread);
        ownThread.add(messageId);
        threads.put(probe.id(), ownThread);
        subjects.put(probe.id(), subject.startsWith("Re: ") ? subject.substring(4) : subject);
        Instant deadline = Instant.now().plus(options.timeout());
        List<String> answers = mail.answers(writer.identity(), messageId);
        while (answers.isEmpty() && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(500));
            answers = mail.answers(writer.identity(), messageId);
        }
        if (!answers.isEmpty()) {
            pause(SETTLE);
            answers = mail.answers(writer.identity(), messageId);
        }
        return String.join("\n", answers);
    }

    /** A subject as a mail program's user would write it: the message's first words. */
    static String subjectOf(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        return firstLine.codePointCount(0, firstLine.length()) <= 30 ? firstLine
                : firstLine.substring(0, firstLine.offsetByCodePoints(0, 30));
    }

    /**
     * Hands a conversation a person owns back to the bot: closes its open tickets in the agent inbox (as the
     * supervisor), and where the closing leaves it with people (a rating asked for, the bot paused for it) resumes
     * the bot; then waits until {@code cs.conversation-state.v1} says {@code BOT}.
     */
    private void handBackToTheBot(String conversationId) {
        if (watcher.mode(conversationId) != ConversationMode.HUMAN) {
            return;
        }
        try {
            signIn();
            JsonNode open = JSON.readTree(inboxCall("GET", "/api/v1/inbox/tickets?scope=open").body());
            for (JsonNode ticket : open) {
                String id = ticket.path("id").asText();
                JsonNode detail = JSON.readTree(inboxCall("GET", "/api/v1/inbox/tickets/" + id).body());
                if (!conversationId.equals(detail.path("conversationId").asText())) {
                    continue;
                }
                JsonNode closed = JSON.readTree(inboxCall("POST", "/api/v1/inbox/tickets/" + id + "/close").body());
                if (closed.hasNonNull("ratingDueAt") || closed.path("botPaused").asBoolean()) {
                    inboxCall("POST", "/api/v1/inbox/tickets/" + id + "/resume");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the agent inbox at " + inboxUrl() + ": " + e.getMessage(), e);
        }
        if (!watcher.awaitMode(conversationId, ConversationMode.BOT, Duration.ofSeconds(30))) {
            throw new IllegalStateException("The conversation " + conversationId + " did not go back to the bot");
        }
        // The responder reads the same state topic; give it the moment it takes, more on a busy machine.
        pause(Duration.ofSeconds(2));
    }

    private synchronized void signIn() throws IOException {
        if (signedIn) {
            return;
        }
        String form = "j_username=" + URLEncoder.encode(SUPERVISOR, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(SUPERVISOR, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(inbox, HttpRequest.newBuilder(URI.create(inboxUrl() + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IOException("the agent inbox refused the local stack's supervisor sign-in (HTTP "
                    + response.statusCode() + ")");
        }
        signedIn = true;
    }

    private HttpResponse<String> inboxCall(String method, String path) throws IOException {
        HttpResponse<String> response = send(inbox, HttpRequest.newBuilder(URI.create(inboxUrl() + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String inboxUrl() {
        return "http://" + StackSettings.reachableHost(settings.bindAddress()) + ":" + settings.handoffPort();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        watcher.close();
    }

    /**
     * Reads {@code cs.handoff.v1} from now on and {@code cs.conversation-state.v1} from its start (it is compacted: the
     * latest record of a conversation is who owns it).
     */
    static final class Watcher implements AutoCloseable {

        private record Handoff(Instant seen, String reason) {
        }

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, ConversationMode> modes = new HashMap<>();
        private final Map<String, List<Handoff>> handoffs = new HashMap<>();
        private final Thread reader;
        private final Map<TopicPartition, Long> stateEnds;
        private boolean caughtUp;
        private volatile boolean running = true;

        Watcher(String bootstrap) {
            ReplayCommand.quietKafkaClients();
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000",
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> handoff = partitions(Topics.HANDOFF);
            List<TopicPartition> state = partitions(Topics.CONVERSATION_STATE);
            List<TopicPartition> all = new ArrayList<>(handoff);
            all.addAll(state);
            consumer.assign(all);
            consumer.seekToEnd(handoff);
            consumer.seekToBeginning(state);
            // Resolve the positions now, so that no request of the first probe is missed.
            all.forEach(consumer::position);
            stateEnds = new HashMap<>(consumer.endOffsets(state));
            reader = new Thread(this::read, "probe-watcher");
            reader.setDaemon(true);
            reader.start();
        }

        private List<TopicPartition> partitions(String topic) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }

        private void read() {
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        take(record);
                    }
                    if (!caughtUp && stateEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                        synchronized (this) {
                            caughtUp = true;
                            notifyAll();
                        }
                    }
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    return;
                }
            }
        }

        private void take(ConsumerRecord<String, byte[]> record) {
            if (record.value() == null) {
                return;
            }
            Envelope<EventPayload> envelope;
            try {
                envelope = EventCodec.shared().decode(record.value());
            } catch (RuntimeException notAnEvent) {
                return;
            }
            synchronized (this) {
                if (envelope.payload() instanceof HandoffRequest request) {
                    handoffs.computeIfAbsent(envelope.conversationId(), c -> new ArrayList<>())
                            .add(new Handoff(Instant.now(), request.reason()));
                } else if (envelope.payload() instanceof ConversationState state) {
                    modes.put(record.key() != null ? record.key() : envelope.conversationId(), state.mode());
                }
                notifyAll();
            }
        }

        /** Waits until the conversations' owners as of the start have been read. */
        synchronized boolean awaitCaughtUp(Duration timeout) {
            return await(() -> caughtUp, timeout);
        }

        synchronized ConversationMode mode(String conversationId) {
            return modes.getOrDefault(conversationId, ConversationMode.BOT);
        }

        synchronized List<String> handoffsSince(String conversationId, Instant since) {
            return handoffs.getOrDefault(conversationId, Collections.emptyList()).stream()
                    .filter(h -> !h.seen().isBefore(since)).map(Handoff::reason).toList();
        }

        /** Waits until the conversation is in {@code mode}; false when it is not within {@code timeout}. */
        synchronized boolean awaitMode(String conversationId, ConversationMode mode, Duration timeout) {
            return await(() -> mode(conversationId) == mode, timeout);
        }

        /** Waits, holding this monitor, until {@code condition} holds (checked whenever a record arrives). */
        private boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (!condition.getAsBoolean()) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
