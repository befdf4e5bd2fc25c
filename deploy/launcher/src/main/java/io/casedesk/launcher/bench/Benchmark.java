package io.casedesk.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.launcher.StackSettings;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./casedesk bench}: drives the running local stack as LINE users (and optionally email writers) would, open
 * loop at a fixed rate, and times each customer message to the bot's answer.
 * <p>
 * Each message is posted through the LINE simulator's {@code POST /simulator/say} ({@code waitSeconds: 0}: the call
 * returns once ingress-line acknowledged the webhook, i.e. the broker has the inbound event) with a trace id of its
 * own; the simulator's event stream names the trace of every webhook and of every API call the bot makes, so each
 * answer is matched to its message exactly. Latency runs from the webhook (the simulator's customer event) to the
 * LINE reply call (its bot event), both on the simulator's clock. An acknowledged message without an answer is lost;
 * the same answer twice is a duplicate. The CPU time of every process of the stack (from /proc) is read before and
 * after the run; its idle rate, measured first, is subtracted.
 */
public final class Benchmark {

    /** General questions a stranger asks; each gets one knowledge-base answer from the demo firm, no handoff. */
    static final List<String> QUESTIONS = List.of(
            "請問你們的營業時間？",
            "離婚的流程大概是怎樣？",
            "請問律師費怎麼算？",
            "請問事務所在哪裡？",
            "What are your office hours?",
            "How does a divorce work in Taiwan?",
            "How are your fees calculated?",
            "请问你们的营业时间？",
            "离婚的流程是怎样的？");
    private static final String SUPPORT_ADDRESS = "support@casedesk.local";
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration KILL_SETTLE = Duration.ofSeconds(15);
    private static final Pattern SILENT_WITH_A_PERSON = Pattern.compile(
            "(?m)^casedesk_responder_silent_total\\{[^}]*reason=\"human_owns_conversation\"[^}]*} ([0-9.eE+-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a message was sent as. */
    enum Channel { LINE, EMAIL, OUTBOUND }

    /** One message of the run, from its send to its answers. */
    static final class Probe {
        final String key;
        final Channel channel;
        final boolean measured;
        final String chat;
        final long scheduledNanos;
        volatile long sentNanos;
        volatile long sentAtMillis;
        volatile long webhookAtMillis = -1;
        /** 0 while the send is under way; 200 (or the broker's acknowledgement) when accepted; else why not. */
        volatile int status;
        final List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());

        Probe(String key, Channel channel, boolean measured, String chat, long scheduledNanos) {
            this.key = key;
            this.channel = channel;
            this.measured = measured;
            this.chat = chat;
            this.scheduledNanos = scheduledNanos;
        }

        boolean acknowledged() {
            return status == 200;
        }

        boolean settled() {
            return status != 0;
        }
    }

    /** One answer message: when it arrived and what it said (duplicates say the same). */
    record Answer(long atMillis, List<String> texts) {
    }

    private final StackSettings settings;
    private final StackState state;
    private final BenchOptions options;
    private final PrintStream out;
    private final URI simulator;
    private final String host;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();
    private final Set<String> chats = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unattributed = new AtomicInteger();
    private final Random random;
    private final String run = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 4);

    Benchmark(StackSettings settings, StackState state, BenchOptions options, PrintStream out) {
        this.settings = settings;
        this.state = state;
        this.options = options;
        this.out = out;
        this.host = switch (settings.bindAddress()) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> settings.bindAddress().contains(":") && !settings.bindAddress().startsWith("[")
                    ? "[" + settings.bindAddress() + "]" : settings.bindAddress();
        };
        this.simulator = URI.create("http://127.0.0.1:" + settings.simulatorPort());
        this.random = new Random(options.seed());
    }

    /**
     * {@code ./casedesk bench [options]} against the stack {@code ./casedesk up} started; the exit code: 0 when every
     * acknowledged message was answered exactly once, 1 when not (or the stack is not running), 2 for wrong options.
     */
    public static int main(StackSettings settings, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("Usage: ./casedesk " + BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("casedesk bench: " + e.getMessage());
            System.err.println("Usage: ./casedesk " + BenchOptions.USAGE);
            return 2;
        }
        Optional<StackState> state = StackState.read(settings.home());
        if (state.isEmpty()) {
            System.err.println("CaseDesk is not running: start it first (./casedesk up --detach).");
            return 1;
        }
        try {
            Report report = new Benchmark(settings, state.get(), options, System.out).run();
            report.print(System.out);
            return report.clean() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            System.err.println("casedesk bench: " + e.getMessage());
            return 1;
        }
    }

    Report run() throws IOException, InterruptedException {
        out.println("CaseDesk benchmark: " + options.commandLine());
        String loadBefore = ProcessCpu.loadAverage();
        out.println("load average " + loadBefore + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        JsonNode info = getJson("/simulator/info");
        String destination = info.path("destination").asText();
        List<String> users = users(options.users());
        chats.addAll(users);
        Integer previousDelay = null;
        try (SimulatorEventStream events = new SimulatorEventStream(simulator, this::onEvent);
                Outbound outbound = options.outboundOnly() ? new Outbound(destination) : null) {
            events.start(Duration.ofSeconds(10));
            if (options.apiDelayMillis() != null) {
                previousDelay = setApiDelay(options.apiDelayMillis());
            }
            Mail mail = options.emailFraction() > 0 ? new Mail() : null;

            out.printf("measuring idle CPU for %d s ...%n", options.idleSeconds());
            CpuSample idleStart = CpuSample.take(state);
            Thread.sleep(options.idleSeconds() * 1000L);
            CpuSample idleEnd = CpuSample.take(state);

            if (options.warmupSeconds() > 0) {
                out.printf("warming up: %s msg/s for %d s ...%n", BenchOptions.formatRate(options.rate()),
                        options.warmupSeconds());
                offer((int) Math.round(options.rate() * options.warmupSeconds()), false, users, outbound, mail);
            }
            out.printf("measuring: %s msg/s for %d s (%d messages) ...%n", BenchOptions.formatRate(options.rate()),
                    options.seconds(), options.messages());
            OptionalLong silentBefore = silentWithAPerson();
            CpuSample runStart = CpuSample.take(state);
            long start = System.nanoTime();
            Killer killer = options.kill() != null ? new Killer(start) : null;
            if (killer != null) {
                killer.start();
            }
            offer(options.messages(), true, users, outbound, mail);
            long lastSend = System.nanoTime();
            awaitAnswers(lastSend, mail);
            CpuSample runEnd = CpuSample.take(state);
            long end = System.nanoTime();
            if (killer != null) {
                killer.join();
            }
            // Late duplicates (a record handled again after a restart) arrive after the first answers.
            Duration settle = killer != null ? KILL_SETTLE : SETTLE;
            Thread.sleep(settle.toMillis());
            if (mail != null) {
                mail.poll();
                mail.close();
            }
            String loadAfter = ProcessCpu.loadAverage();
            OptionalLong silentAfter = silentWithAPerson();
            // A restarted responder counts from zero again: then the count is unknown (-1).
            boolean counted = silentBefore.isPresent() && silentAfter.isPresent() && !"responder".equals(options.kill());
            long silentInRun = counted ? silentAfter.getAsLong() - silentBefore.getAsLong() : -1;
            int withAPerson = silentInRun >= 0 ? (int) silentInRun : -1;
            return Report.of(options, List.copyOf(probes.values()), idleStart, idleEnd, runStart, runEnd,
                    Duration.ofNanos(end - start), unattributed.get(), killer == null ? null : killer.outcome(),
                    loadBefore, loadAfter, events.reconnects(), withAPerson);
        } finally {
            if (previousDelay != null) {
                setApiDelay(previousDelay);
            }
        }
    }

    /** Offers {@code count} messages at the run's rate, each at its time whatever happened to the others. */
    private void offer(int count, boolean measured, List<String> users, Outbound outbound, Mail mail)
            throws InterruptedException {
        long start = System.nanoTime();
        double intervalNanos = 1_000_000_000.0 / options.rate();
        for (int i = 0; i < count; i++) {
            long scheduled = start + Math.round(i * intervalNanos);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            String user = users.get(random.nextInt(users.size()));
            String text = QUESTIONS.get(random.nextInt(QUESTIONS.size()));
            if (outbound != null) {
                outbound.send(user, text, measured, scheduled);
            } else if (mail != null && random.nextDouble() < options.emailFraction()) {
                mail.send(text, measured, scheduled);
            } else {
                say(user, text, measured, scheduled);
            }
        }
    }

    private void say(String user, String text, boolean measured, long scheduled) {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        Probe probe = new Probe(traceId, Channel.LINE, measured, user, scheduled);
        probes.put(traceId, probe);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("userId", user, "text", text, "waitSeconds", 0,
                    "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        probe.sentNanos = System.nanoTime();
        probe.sentAtMillis = System.currentTimeMillis();
        http.sendAsync(HttpRequest.newBuilder(simulator.resolve("/simulator/say"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> probe.status = failure != null ? -1 : response.statusCode());
    }

    private void onEvent(SimulatorEventStream.Event event) {
        String traceId = traceIdOf(event.traceparent());
        Probe probe = traceId == null ? null : probes.get(traceId);
        if (event.kind().equals("customer")) {
            if (probe != null) {
                probe.webhookAtMillis = event.at().toEpochMilli();
            }
        } else if (probe != null) {
            probe.answers.add(new Answer(event.at().toEpochMilli(), event.texts()));
        } else if (chats.contains(event.chatId())) {
            unattributed.incrementAndGet();
        }
    }

    static String traceIdOf(String traceparent) {
        return traceparent != null && traceparent.length() >= 35 && traceparent.startsWith("00-")
                ? traceparent.substring(3, 35) : null;
    }

    /** Waits until every measured message is settled and every acknowledged one answered, or the drain time is over. */
    private void awaitAnswers(long lastSend, Mail mail) throws InterruptedException {
        long deadline = lastSend + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (mail != null) {
                mail.poll();
            }
            long waiting = probes.values().stream()
                    .filter(p -> p.measured && (!p.settled() || (p.acknowledged() && p.answers.isEmpty()))).count();
            if (waiting == 0) {
                return;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                out.printf("  waiting for %d answers ...%n", waiting);
                lastReport = System.nanoTime();
            }
            Thread.sleep(mail != null ? 1000 : 200);
        }
    }

    private List<String> users(int count) {
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add("U" + HexFormat.of().formatHex(randomBytes(16)));
        }
        return users;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return bytes;
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.resolve(path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The LINE simulator answered " + path + " with HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /**
     * How many messages the responder has left unanswered because a person owns their conversation (its counter
     * {@code casedesk.responder.silent}, reason {@code human_owns_conversation}); empty when it cannot be read. A message
     * that arrives while a ticket is open goes to that person, not to the bot: not answered here, and not lost.
     */
    private OptionalLong silentWithAPerson() {
        Optional<Integer> port = state.port("responder");
        if (port.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port.get() + "/q/metrics")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            Matcher silent = SILENT_WITH_A_PERSON.matcher(response.body());
            return silent.find() ? OptionalLong.of((long) Double.parseDouble(silent.group(1))) : OptionalLong.of(0);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Sets the simulator's Messaging API delay; returns the one it had. */
    private int setApiDelay(int millis) throws IOException, InterruptedException {
        int previous = getJson("/simulator/api-delay").path("millis").asInt();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.resolve("/simulator/api-delay"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"millis\":" + millis + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The LINE simulator refused the API delay: HTTP " + response.statusCode()
                    + " (is it older than the delay setting? ./casedesk down and up again)");
        }
        return previous;
    }

    /** Answers published straight to {@code cs.outbound.line.v1}, as the responder would: ingress-line's part only. */
    private final class Outbound implements AutoCloseable {
        private final String destination;
        private final KafkaProducer<String, String> producer;

        Outbound(String destination) {
            this.destination = destination;
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + settings.kafkaPort());
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            this.producer = new KafkaProducer<>(properties);
        }

        void send(String user, String text, boolean measured, long scheduled) {
            String traceId = HexFormat.of().formatHex(randomBytes(16));
            String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
            Probe probe = new Probe(traceId, Channel.OUTBOUND, measured, user, scheduled);
            probes.put(traceId, probe);
            String conversation = ConversationIds.line(destination, user);
            Envelope<OutboundLineMessage> envelope = Envelope.of(UUID.randomUUID().toString(), Instant.now(),
                    conversation, null, traceparent, new OutboundLineMessage(destination, user, null, null, null, null,
                            List.of(text), AnswerKind.AUTO));
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.OUTBOUND_LINE, conversation,
                    EventCodec.shared().encode(envelope));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            probe.sentNanos = System.nanoTime();
            probe.sentAtMillis = System.currentTimeMillis();
            producer.send(record, (metadata, failure) -> probe.status = failure == null ? 200 : -1);
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Customers writing by email: a few addresses, polled for their answers every second. */
    private final class Mail {
        private final MailDriver driver = new MailDriver(settings.smtpPort(), settings.imapPort(), SUPPORT_ADDRESS);
        private final ExecutorService senders = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "bench-mail");
            thread.setDaemon(true);
            return thread;
        });
        private final List<String> addresses = new ArrayList<>();

        Mail() {
            for (int i = 0; i < 10; i++) {
                addresses.add("bench-" + run + "-" + i + "@example.com");
            }
        }

        void send(String text, boolean measured, long scheduled) {
            String address = addresses.get(random.nextInt(addresses.size()));
            senders.execute(() -> {
                long sentNanos = System.nanoTime();
                long sentAt = System.currentTimeMillis();
                try {
                    String messageId = driver.send(address, "詢問 / Question", text);
                    Probe probe = new Probe(messageId, Channel.EMAIL, measured, address, scheduled);
                    probe.sentNanos = sentNanos;
                    probe.sentAtMillis = sentAt;
                    probe.status = 200;
                    probes.put(messageId, probe);
                } catch (jakarta.mail.MessagingException e) {
                    Probe probe = new Probe("unsent-" + UUID.randomUUID(), Channel.EMAIL, measured, address, scheduled);
                    probe.sentNanos = sentNanos;
                    probe.sentAtMillis = sentAt;
                    probe.status = -1;
                    probes.put(probe.key, probe);
                }
            });
        }

        /** Reads every address's inbox; a new answer is timed now (so email latencies are good to about a second). */
        void poll() {
            long now = System.currentTimeMillis();
            for (String address : addresses) {
                Map<String, Integer> answers;
                try {
                    answers = driver.answersIn(address);
                } catch (jakarta.mail.MessagingException e) {
                    continue;
                }
                answers.forEach((messageId, count) -> {
                    Probe probe = probes.get(messageId);
                    if (probe != null) {
                        synchronized (probe.answers) {
                            while (probe.answers.size() < count) {
                                // Mails that answer the same message are counted as the same answer again.
                                probe.answers.add(new Answer(now, List.of("mail")));
                            }
                        }
                    }
                });
            }
        }

        void close() {
            senders.shutdownNow();
        }
    }

    /** What the kill did: when, the pids, and how long until the service was ready again. */
    record KillOutcome(String service, double killedAtSeconds, long oldPid, long newPid, double readyAfterSeconds,
            String problem) {
    }

    /** Kills a service with SIGKILL during the run and waits until the stack has started it again and it is ready. */
    private final class Killer extends Thread {
        private final long runStart;
        private volatile KillOutcome outcome;

        Killer(long runStart) {
            super("bench-killer");
            setDaemon(true);
            this.runStart = runStart;
        }

        @Override
        public void run() {
            String service = options.kill();
            long at = runStart + TimeUnit.SECONDS.toNanos(options.killAfter());
            LockSupport.parkNanos(Math.max(0, at - System.nanoTime()));
            Optional<Long> pid = state.currentPid(service);
            if (pid.isEmpty()) {
                outcome = new KillOutcome(service, -1, -1, -1, -1, service + " is not running");
                return;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid.get());
            handle.ifPresent(ProcessHandle::destroyForcibly);
            long killed = System.nanoTime();
            double killedAt = (killed - runStart) / 1e9;
            out.printf("  killed %s (pid %d, SIGKILL) at %.1f s%n", service, pid.get(), killedAt);
            URI ready = URI.create("http://" + host + ":" + state.port(service).orElse(0) + "/q/health/ready");
            long deadline = killed + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                Optional<Long> now = state.currentPid(service);
                if (now.isPresent() && !now.get().equals(pid.get()) && healthy(ready)) {
                    double readyAfter = (System.nanoTime() - killed) / 1e9;
                    out.printf("  %s is ready again (pid %d) %.1f s after the kill%n", service, now.get(), readyAfter);
                    outcome = new KillOutcome(service, killedAt, pid.get(), now.get(), readyAfter, null);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
            outcome = new KillOutcome(service, killedAt, pid.get(), -1, -1, service
                    + " was not started again within 3 minutes (a stack started before ./casedesk up restarted"
                    + " services does not: ./casedesk down and up again)");
        }

        private boolean healthy(URI url) {
            try {
                return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        KillOutcome outcome() {
            return outcome;
        }
    }

    /** CPU milliseconds of every part of the stack, of this generator and of the machine, at one moment. */
    record CpuSample(long nanos, Map<String, Long> pids, Map<String, Long> millis, long selfMillis,
            ProcessCpu.Machine machine) {

        static CpuSample take(StackState state) {
            Map<String, Long> pids = new LinkedHashMap<>();
            Map<String, Long> millis = new LinkedHashMap<>();
            for (String name : state.recordedPids().keySet()) {
                state.currentPid(name).ifPresent(pid -> ProcessCpu.treeMillis(pid).ifPresent(ms -> {
                    pids.put(name, pid);
                    millis.put(name, ms);
                }));
            }
            return new CpuSample(System.nanoTime(), pids, millis, ProcessCpu.selfMillis(),
                    ProcessCpu.machine().orElse(new ProcessCpu.Machine(0, 0)));
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
