package io.casedesk.handoff.service;

import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which queue a ticket joins, how urgent it is, and which agent takes it. VIP customers come first, then
 * angry or high-urgency messages, then everyone else; within a priority, the longest waiting first. An
 * agent takes a ticket when online, serving its language and intent, with spare capacity; the least loaded
 * such agent is chosen, ties by name, so the choice is the same every time.
 */
public final class Routing {

    public static final int PRIORITY_VIP = 0;
    public static final int PRIORITY_URGENT = 1;
    public static final int PRIORITY_NORMAL = 2;

    /** A ticket as routing sees it. */
    public record Candidate(String id, String intent, String language, int priority, Instant waitingSince) {
    }

    /** An agent as routing sees it. */
    public record AgentLoad(String name, boolean online, int capacity, int openTickets, List<String> languages,
                            List<String> intents) {
        boolean serves(Candidate ticket) {
            return matches(languages, ticket.language(), true) && matches(intents, ticket.intent(), false);
        }

        int spare() {
            return capacity - openTickets;
        }
    }

    public static int priority(boolean vip, Emotion emotion, Urgency urgency) {
        if (vip) {
            return PRIORITY_VIP;
        }
        if (emotion == Emotion.ANGRY || urgency == Urgency.HIGH) {
            return PRIORITY_URGENT;
        }
        return PRIORITY_NORMAL;
    }

    /** Priorities above normal are brought to a supervisor's attention. */
    public static boolean notifiesSupervisor(int priority) {
        return priority < PRIORITY_NORMAL;
    }

    /** The queue: intent and language, e.g. {@code complaint/zh-Hant}. */
    public static String queue(Intent intent, String language) {
        String intentLabel = intent == null ? "other" : intent.name().toLowerCase(Locale.ROOT);
        return intentLabel + "/" + (language == null || language.isBlank() ? "und" : language);
    }

    public static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::priority)
            .thenComparing(Candidate::waitingSince)
            .thenComparing(Candidate::id);

    public static Optional<AgentLoad> pickAgent(Candidate ticket, List<AgentLoad> agents) {
        return agents.stream()
                .filter(AgentLoad::online)
                .filter(a -> a.spare() > 0)
                .filter(a -> a.serves(ticket))
                .min(Comparator.comparingInt(AgentLoad::openTickets).thenComparing(AgentLoad::name));
    }

    /** {@code *} matches anything; a language {@code zh} also matches {@code zh-Hant}. */
    private static boolean matches(List<String> allowed, String value, boolean languagePrefix) {
        if (allowed.isEmpty() || allowed.contains("*")) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String a : allowed) {
            String trimmed = a.trim();
            if (trimmed.equalsIgnoreCase(value)
                    || languagePrefix && value.toLowerCase(Locale.ROOT).startsWith(trimmed.toLowerCase(Locale.ROOT) + "-")) {
                return true;
            }
        }
        return false;
    }

    private Routing() {
    }
}
