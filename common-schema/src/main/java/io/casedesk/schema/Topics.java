package io.casedesk.schema;

import java.util.List;

/**
 * Every Kafka topic of CaseDesk. All are keyed by conversation id. Deployment manifests and the local
 * launcher create topics from {@link #ALL}, so this class is the one list.
 */
public final class Topics {

    public static final String INBOUND = "cs.inbound.v1";
    public static final String TRIAGED = "cs.triaged.v1";
    public static final String OUTBOUND_LINE = "cs.outbound.line.v1";
    public static final String OUTBOUND_EMAIL = "cs.outbound.email.v1";
    public static final String HANDOFF = "cs.handoff.v1";
    public static final String DELIVERY = "cs.delivery.v1";
    public static final String CONVERSATION = "cs.conversation.v1";
    public static final String CONVERSATION_STATE = "cs.conversation-state.v1";
    /** The firm's data changed (an import): services that cache it read it again. Keyed by {@link #FIRM_KEY}. */
    public static final String FIRM = "cs.firm.v1";
    /** The one key of {@link #FIRM}: there is one firm per CaseDesk. */
    public static final String FIRM_KEY = "firm";

    public static final String DLQ_SUFFIX = ".dlq";

    /** How a topic is laid out. {@code compacted} topics keep the latest value per key. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
        public TopicSpec deadLetter() {
            return new TopicSpec(dlq(name), 1, false);
        }
    }

    /** The topics with their layout; each also has a dead-letter topic ({@link #dlq(String)}). */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INBOUND, 6, false),
            new TopicSpec(TRIAGED, 6, false),
            new TopicSpec(OUTBOUND_LINE, 6, false),
            new TopicSpec(OUTBOUND_EMAIL, 6, false),
            new TopicSpec(HANDOFF, 6, false),
            new TopicSpec(DELIVERY, 6, false),
            new TopicSpec(CONVERSATION, 6, false),
            new TopicSpec(CONVERSATION_STATE, 6, true),
            new TopicSpec(FIRM, 1, true));

    /** The main topics and their dead-letter topics. */
    public static List<TopicSpec> allWithDeadLetters() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, t.deadLetter())).toList();
    }

    /** The dead-letter topic of {@code topic}, where records that cannot be processed are parked. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** The outbound topic of a channel. */
    public static String outbound(Channel channel) {
        return switch (channel) {
            case LINE -> OUTBOUND_LINE;
            case EMAIL -> OUTBOUND_EMAIL;
            case UNKNOWN -> throw new IllegalArgumentException("No outbound topic for an unknown channel");
        };
    }

    private Topics() {
    }
}
