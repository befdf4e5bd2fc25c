package io.casedesk.launcher;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Shadow evaluation of the responder: the selected triaged messages are replayed into {@code cs.triaged.v1.shadow},
 * a {@link ShadowResponder} (perhaps with another engine or configuration) answers them onto {@code .shadow} topics,
 * and its answers are printed against the recorded ones ({@link AnswerDiff}).
 */
final class ShadowEvaluation {

    /** The topics the shadow responder reads and writes, each created like its real counterpart. */
    static final List<String> SHADOWED = List.of(Topics.TRIAGED, Topics.OUTBOUND_LINE, Topics.OUTBOUND_EMAIL,
            Topics.HANDOFF, Topics.CONVERSATION);

    private static final Duration POLL = Duration.ofSeconds(1);

    private final StackSettings settings;
    private final ReplayBroker broker;
    private final ReplayCommand command;
    private final ReplayOptions options;
    private final PrintStream out;

    ShadowEvaluation(StackSettings settings, ReplayBroker broker, ReplayCommand command, ReplayOptions options) {
        this.settings = settings;
        this.broker = broker;
        this.command = command;
        this.options = options;
        this.out = command.out();
    }

    /** Runs the evaluation; 0 when every replayed message was handled in time, 1 otherwise. */
    int run(List<SelectedRecord> selection) {
        createShadowTopics(broker);
        Map<String, Map<TopicPartition, Long>> shadowStart = new HashMap<>();
        for (String topic : ReplayCommand.RESPONDER_OUTPUTS) {
            shadowStart.put(topic, broker.endOffsets(ReplayOptions.shadowTopic(topic)));
        }
        List<String> ids = selection.stream().map(SelectedRecord::eventId).toList();
        AnswerDiff.Outcomes shadow = new AnswerDiff.Outcomes(ids, false);
        boolean complete;
        out.println("Starting a shadow responder" + (options.responderProperties().isEmpty() ? ""
                : " with " + options.responderProperties().keySet()) + " ...");
        try (ShadowResponder responder = ShadowResponder.start(settings, broker.bootstrapServers(), options.responderProperties())) {
            responder.awaitHealthy(Duration.ofMinutes(3));
            List<RecordMetadata> landed = command.republish(broker, selection, ReplayOptions.shadowTopic(Topics.TRIAGED));
            complete = awaitAnswers(responder, selection, landed, shadowStart, shadow);
        }
        AnswerDiff.Outcomes recorded = recordedOutcomes(selection, ids);
        out.println();
        out.println("Recorded answers (-) against the shadow responder's (+):");
        AnswerDiff.print(AnswerDiff.compare(selection, recorded, shadow), out);
        return complete ? 0 : 1;
    }

    static void createShadowTopics(ReplayBroker broker) {
        for (String topic : SHADOWED) {
            broker.createIfMissing(ReplayOptions.shadowTopic(topic), ReplayBroker.layout(topic));
        }
        Topics.TopicSpec triaged = ReplayBroker.layout(Topics.TRIAGED);
        broker.createIfMissing(Topics.dlq(ReplayOptions.shadowTopic(Topics.TRIAGED)), triaged.deadLetter());
    }

    /**
     * Waits until the shadow responder handled every replayed message: it answered or handed off, or its group
     * committed past the record (it stayed silent, e.g. for a conversation a person owns).
     */
    private boolean awaitAnswers(ShadowResponder responder, List<SelectedRecord> selection, List<RecordMetadata> landed,
                                 Map<String, Map<TopicPartition, Long>> shadowStart, AnswerDiff.Outcomes shadow) {
        String triagedShadow = ReplayOptions.shadowTopic(Topics.TRIAGED);
        Instant deadline = Instant.now().plus(options.timeout());
        Map<String, Map<TopicPartition, Long>> position = new HashMap<>(shadowStart);
        int handled = 0;
        try (ProgressBar progress = command.progress("shadow responder answering", selection.size())) {
            while (true) {
                Map<TopicPartition, Long> committed = broker.committed(ShadowResponder.GROUP, triagedShadow);
                for (String topic : ReplayCommand.RESPONDER_OUTPUTS) {
                    String shadowTopic = ReplayOptions.shadowTopic(topic);
                    Map<TopicPartition, Long> end = broker.endOffsets(shadowTopic);
                    broker.read(shadowTopic, null, position.get(topic), end, envelopes(shadow::accept), null);
                    position.put(topic, end);
                }
                // Done once its group committed past every replayed record: it commits only after the broker
                // acknowledged everything it published for a record, so those answers were all read above.
                int processed = 0;
                handled = 0;
                for (int i = 0; i < selection.size(); i++) {
                    RecordMetadata at = landed.get(i);
                    boolean committedPast = committed.getOrDefault(new TopicPartition(at.topic(), at.partition()), -1L) > at.offset();
                    processed += committedPast ? 1 : 0;
                    handled += committedPast || shadow.has(selection.get(i).eventId()) ? 1 : 0;
                }
                progress.set(handled);
                if (processed == selection.size()) {
                    return true;
                }
                if (!responder.isAlive()) {
                    progress.close();
                    command.err().println("The shadow responder stopped after handling " + handled + " of " + selection.size()
                            + " replayed message(s); see " + responder.log());
                    return false;
                }
                if (Instant.now().isAfter(deadline)) {
                    progress.close();
                    command.err().println("The shadow responder handled " + handled + " of " + selection.size()
                            + " replayed message(s) within " + options.timeout().toSeconds() + " s; see " + responder.log()
                            + " (a longer --timeout gives it more time). The messages without an answer show as missing.");
                    return false;
                }
                sleep(POLL);
            }
        }
    }

    /** The answers the real responder gave, matched by the ids derived from the replayed messages. */
    private AnswerDiff.Outcomes recordedOutcomes(List<SelectedRecord> selection, List<String> ids) {
        AnswerDiff.Outcomes recorded = new AnswerDiff.Outcomes(ids, true);
        Instant earliest = selection.stream().map(SelectedRecord::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        Set<String> wanted = selection.stream().map(SelectedRecord::conversationId).collect(Collectors.toSet());
        for (String topic : ReplayCommand.RESPONDER_OUTPUTS) {
            try (ProgressBar progress = command.progress("reading recorded answers on " + topic, 0)) {
                broker.read(topic, earliest, null, null, record -> {
                    if (record.key() == null || wanted.contains(record.key())) {
                        envelopes(recorded::accept).accept(record);
                    }
                }, progress);
            }
        }
        return recorded;
    }

    private static Consumer<ConsumerRecord<String, byte[]>> envelopes(Consumer<Envelope<EventPayload>> sink) {
        return record -> {
            SelectedRecord decoded = ReplayCommand.decode(record);
            if (decoded != null) {
                sink.accept(decoded.envelope());
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the shadow responder", e);
        }
    }
}
