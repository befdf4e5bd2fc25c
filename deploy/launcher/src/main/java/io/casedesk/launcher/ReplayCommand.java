package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./casedesk replay}: selects recorded events by topic, conversation and time, and lists them
 * ({@code --dry-run}) or re-publishes them marked {@code replay}: the same event id and key, the same headers, so
 * consumers recognise them and no channel sends them to a customer. With {@code --shadow} they go to
 * {@code <topic>.shadow}; for {@code cs.triaged.v1} that is a shadow evaluation of the responder
 * ({@link ShadowEvaluation}).
 */
final class ReplayCommand {

    /** Header naming where a re-published record came from ({@code topic/partition/offset}). */
    static final String REPLAY_OF_HEADER = "casedesk-replay-of";

    private final StackSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Duration progressInterval;

    ReplayCommand(StackSettings settings, PrintStream out, PrintStream err, boolean interactive, Duration progressInterval) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.progressInterval = progressInterval;
    }

    /** The command as {@code ./casedesk} runs it: progress on stderr, redrawn in place on a terminal. */
    static int main(StackSettings settings, ReplayOptions options) {
        quietKafkaClients();
        return new ReplayCommand(settings, System.out, System.err, ProgressBar.stderrIsTerminal(), Duration.ofSeconds(5))
                .run(options);
    }

    /** {@code ./casedesk replay}'s command line; {@link ReplayOptions} checks the options together. */
    @Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
            description = {"Re-publish recorded events marked as replay (channels never send them): to their own "
                    + "topic, or with --shadow to <topic>.shadow; --shadow on cs.triaged.v1 runs a shadow responder and "
                    + "prints its answers against the recorded ones.",
            "Times: 2026-11-21, 2026-11-21T09:30 (this machine's zone) or 2026-11-21T09:30:00Z."})
    static final class Cli extends StackCommand {

        @Option(names = "--topic", paramLabel = "TOPIC", description = "the topic to select from (one of common-schema's Topics)")
        String topic;

        @Option(names = "--conversation", paramLabel = "ID", description = "only this conversation (repeatable)")
        List<String> conversations = new ArrayList<>();

        @Option(names = "--from", paramLabel = "TIME", description = "only records at or after this time")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "only records before this time")
        String to;

        @Option(names = "--dry-run", description = "list the selection, publish nothing")
        boolean dryRun;

        @Option(names = "--shadow", description = "publish into <topic>.shadow (a shadow evaluation for cs.triaged.v1)")
        boolean shadow;

        @Option(names = "--responder-prop", paramLabel = "KEY=VALUE",
                description = "a setting of the shadow responder (repeatable)")
        List<String> responderProps = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long the shadow responder may take "
                + "(default 120)")
        String timeout;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "another broker than the local stack's")
        String bootstrapServers;

        @Override
        public Integer call() {
            ReplayOptions options;
            try {
                options = ReplayOptions.of(topic, conversations, from, to, dryRun, shadow, responderProps,
                        bootstrapServers, timeout);
            } catch (IllegalArgumentException e) {
                throw usageError(e.getMessage());
            }
            return main(settings(), options);
        }
    }

    int run(ReplayOptions options) {
        String bootstrap = options.bootstrapServers() != null ? options.bootstrapServers() : settings.kafkaBootstrap();
        try (ReplayBroker broker = ReplayBroker.connect(bootstrap)) {
            broker.requireTopic(options.topic());
            List<SelectedRecord> selection = select(broker, options);
            if (selection.isEmpty()) {
                err.println("No records on " + options.topic() + " match " + describe(options) + "; nothing to replay.");
                return 1;
            }
            if (options.dryRun()) {
                list(selection);
                out.printf("%d record(s) on %s match %s; nothing was published (--dry-run).%n", selection.size(),
                        options.topic(), describe(options));
                return 0;
            }
            if (options.shadowEvaluation()) {
                return new ShadowEvaluation(settings, broker, this, options).run(selection);
            }
            String target = options.targetTopic();
            if (options.shadow()) {
                broker.createIfMissing(target, ReplayBroker.layout(options.topic()));
            }
            republish(broker, selection, target);
            out.printf("Replayed %d record(s) from %s into %s, marked replay.%n", selection.size(), options.topic(), target);
            return 0;
        }
    }

    /** The records of the topic that match the options, oldest first. */
    List<SelectedRecord> select(ReplayBroker broker, ReplayOptions options) {
        List<SelectedRecord> selection = new ArrayList<>();
        int[] undecodable = {0};
        try (ProgressBar progress = progress("reading " + options.topic(), 0)) {
            broker.read(options.topic(), options.from(), null, null, record -> {
                if (!matchesKeyAndTime(record, options)) {
                    return;
                }
                SelectedRecord selected = decode(record);
                if (selected == null) {
                    undecodable[0]++;
                } else if (options.conversations().isEmpty() || options.conversations().contains(selected.conversationId())) {
                    selection.add(selected);
                }
            }, progress);
        }
        if (undecodable[0] > 0) {
            err.printf("Skipped %d record(s) that are not CaseDesk events (they cannot be marked as replay).%n", undecodable[0]);
        }
        selection.sort(Comparator.comparing(SelectedRecord::timestamp).thenComparing(SelectedRecord::partition)
                .thenComparing(SelectedRecord::offset));
        return selection;
    }

    private static boolean matchesKeyAndTime(ConsumerRecord<String, byte[]> record, ReplayOptions options) {
        Instant time = Instant.ofEpochMilli(record.timestamp());
        if (options.from() != null && time.isBefore(options.from())) {
            return false;
        }
        if (options.to() != null && !time.isBefore(options.to())) {
            return false;
        }
        // Records are keyed by conversation id; an unkeyed record is checked against its envelope.
        return options.conversations().isEmpty() || record.key() == null || options.conversations().contains(record.key());
    }

    /** The record with its envelope, or {@code null} when it is not a CaseDesk event. */
    static SelectedRecord decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null; // a tombstone
        }
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record.value());
            List<Header> headers = new ArrayList<>();
            record.headers().forEach(headers::add);
            return new SelectedRecord(record.topic(), record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), List.copyOf(headers), envelope);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void list(List<SelectedRecord> selection) {
        out.printf("%9s %8s  %-24s  %-36s  %-22s  %-6s  %s%n", "partition", "offset", "time", "event id", "type",
                "replay", "conversation");
        for (SelectedRecord record : selection) {
            out.printf("%9d %8d  %-24s  %-36s  %-22s  %-6s  %s%n", record.partition(), record.offset(), record.timestamp(),
                    record.eventId(), record.envelope().type(), record.envelope().replay() ? "yes" : "no",
                    record.conversationId());
        }
    }

    /**
     * Publishes the records into {@code target} marked as replay, waiting for the broker's acknowledgement of each.
     *
     * @return where each record landed, in the order of {@code selection}
     */
    List<RecordMetadata> republish(ReplayBroker broker, List<SelectedRecord> selection, String target) {
        try (KafkaProducer<String, byte[]> producer = broker.producer();
             ProgressBar progress = progress("replaying into " + target, selection.size())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (SelectedRecord record : selection) {
                List<Header> headers = new ArrayList<>(record.headers());
                headers.removeIf(h -> h.key().equals(REPLAY_OF_HEADER));
                headers.add(new RecordHeader(REPLAY_OF_HEADER, record.position().getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(new ProducerRecord<>(target, null, record.key(), markedAsReplay(record.value()), headers)));
            }
            producer.flush();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> acknowledgement : sent) {
                landed.add(acknowledgement.get(60, TimeUnit.SECONDS));
                progress.advance(1);
            }
            return landed;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not accept the replayed records: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    /**
     * The record's JSON with {@code replay: true}; every other field is kept as it was, including fields and payload
     * types this version does not know.
     */
    static byte[] markedAsReplay(byte[] value) {
        try {
            JsonNode tree = EventCodec.shared().mapper().readTree(value);
            ((ObjectNode) tree).put("replay", true);
            return EventCodec.shared().mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException("A selected record is not JSON", e);
        }
    }

    ProgressBar progress(String label, long total) {
        return new ProgressBar(err, label, total, interactive, progressInterval);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    static String describe(ReplayOptions options) {
        List<String> parts = new ArrayList<>();
        if (!options.conversations().isEmpty()) {
            parts.add("conversation " + String.join(", ", options.conversations().stream().sorted().toList()));
        }
        if (options.from() != null) {
            parts.add("from " + options.from());
        }
        if (options.to() != null) {
            parts.add("to " + options.to());
        }
        return parts.isEmpty() ? "(all records)" : "(" + String.join(", ", parts) + ")";
    }

    /** Kafka's clients log their whole configuration at INFO; the command's own output is what the user wants. */
    static void quietKafkaClients() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // A broker that is not there is reported once, by the command, not every second by the clients.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        }
    }

    /** Topics this tool reads when it compares answers: the responder's outputs. */
    static final List<String> RESPONDER_OUTPUTS = List.of(Topics.OUTBOUND_LINE, Topics.OUTBOUND_EMAIL, Topics.HANDOFF);
}
