package io.casedesk.launcher;

import io.casedesk.schema.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./casedesk replay} was asked to do. Every mistake is an {@link IllegalArgumentException} whose
 * message tells the user what to write instead.
 *
 * @param topic             the topic records are selected from (one of {@link Topics#ALL})
 * @param conversations     only these conversation ids (the records' keys); empty for all
 * @param from              only records at or after this time, {@code null} for the topic's start
 * @param to                only records before this time, {@code null} for now
 * @param dryRun            list the selection, publish nothing
 * @param shadow            publish into {@code <topic>.shadow}; for {@code cs.triaged.v1} also run a shadow responder
 *                          over them and print its answers against the recorded ones
 * @param responderProperties overrides for the shadow responder ({@code --responder-prop key=value})
 * @param bootstrapServers  the broker, {@code null} for the local stack's
 * @param timeout           how long the shadow responder may take for the whole selection
 */
record ReplayOptions(
        String topic,
        Set<String> conversations,
        Instant from,
        Instant to,
        boolean dryRun,
        boolean shadow,
        Map<String, String> responderProperties,
        String bootstrapServers,
        Duration timeout) {

    static final String SHADOW_SUFFIX = ".shadow";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    static final String USAGE = """
            replay --topic <topic> [--conversation <id> ...] [--from <time>] [--to <time>]
                   [--dry-run | --shadow [--responder-prop <key=value> ...] [--timeout <seconds>]]
                   [--bootstrap-servers <host:port>]
                                 re-publish recorded events marked as replay (channels never send them):
                                 to their own topic, or with --shadow to <topic>.shadow; --shadow on
                                 cs.triaged.v1 runs a shadow responder and prints its answers against
                                 the recorded ones. Times: 2026-11-21, 2026-11-21T09:30 (local) or
                                 2026-11-21T09:30:00Z.""";

    /** The topic the selection is published into. */
    String targetTopic() {
        return shadow ? shadowTopic(topic) : topic;
    }

    /** Whether this run is a shadow evaluation of the responder. */
    boolean shadowEvaluation() {
        return shadow && Topics.TRIAGED.equals(topic);
    }

    static String shadowTopic(String topic) {
        return topic + SHADOW_SUFFIX;
    }

    static ReplayOptions parse(List<String> args) {
        String topic = null;
        List<String> conversations = new ArrayList<>();
        String from = null;
        String to = null;
        boolean dryRun = false;
        boolean shadow = false;
        List<String> properties = new ArrayList<>();
        String bootstrap = null;
        String timeout = null;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--topic" -> topic = value(option, rest);
                case "--conversation" -> conversations.add(value(option, rest));
                case "--from" -> from = value(option, rest);
                case "--to" -> to = value(option, rest);
                case "--dry-run" -> dryRun = true;
                case "--shadow" -> shadow = true;
                case "--responder-prop" -> properties.add(value(option, rest));
                case "--bootstrap-servers" -> bootstrap = value(option, rest);
                case "--timeout" -> timeout = value(option, rest);
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'. Usage:\n  ./casedesk " + USAGE);
            }
        }
        return of(topic, conversations, from, to, dryRun, shadow, properties, bootstrap, timeout);
    }

    /**
     * The options from their values as written ({@code null} or empty when not given), checked together: every mistake
     * is an {@link IllegalArgumentException} that says what to write instead.
     */
    static ReplayOptions of(String topic, List<String> conversationIds, String fromText, String toText, boolean dryRun,
                            boolean shadow, List<String> responderProps, String bootstrap, String timeoutText) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : responderProps) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--responder-prop takes key=value, e.g. "
                        + "--responder-prop casedesk.responder.engine=openai (got '" + pair + "')");
            }
            properties.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
        }
        Instant from = fromText == null ? null : time("--from", fromText);
        Instant to = toText == null ? null : time("--to", toText);
        Duration timeout = timeoutText == null ? DEFAULT_TIMEOUT : seconds("--timeout", timeoutText);
        if (topic == null) {
            throw new IllegalArgumentException("Which topic? Add --topic <topic>, one of: " + knownTopics());
        }
        requireKnownTopic(topic);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
        }
        if (dryRun && shadow) {
            throw new IllegalArgumentException("--dry-run lists the selection and publishes nothing; leave out --shadow");
        }
        if (!properties.isEmpty() && !(shadow && Topics.TRIAGED.equals(topic))) {
            throw new IllegalArgumentException("--responder-prop configures the shadow responder: use it with "
                    + "--topic " + Topics.TRIAGED + " --shadow");
        }
        return new ReplayOptions(topic, Set.copyOf(new LinkedHashSet<>(conversationIds)), from, to, dryRun, shadow,
                Map.copyOf(properties), bootstrap, timeout);
    }

    static void requireKnownTopic(String topic) {
        if (Topics.ALL.stream().noneMatch(t -> t.name().equals(topic))) {
            throw new IllegalArgumentException("Unknown topic '" + topic + "'. Known topics: " + knownTopics());
        }
    }

    static String knownTopics() {
        return String.join(", ", Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    /** An instant, a local date-time or a date (start of day), both of the latter in this machine's time zone. */
    static Instant time(String option, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(option + " '" + text + "' is not a time; write 2026-11-21, "
                            + "2026-11-21T09:30 or 2026-11-21T09:30:00Z");
                }
            }
        }
    }

    private static Duration seconds(String option, String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a number of seconds greater than 0 (got '" + text + "')");
    }
}
