package io.casedesk.launcher;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.TriagedMessage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The responder's answers to replayed messages against the recorded ones. An answer belongs to the triaged message
 * whose id it derives from ({@code EventIds.derive(triaged, "answer")}, {@code "handoff"}), so recorded and shadow
 * answers are matched exactly, whatever order they arrived in.
 */
final class AnswerDiff {

    enum Kind {
        SAME("unchanged"), CHANGED("changed"), HANDOFF("handoff"), MISSING("missing"), NEW("new");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * What the responder did for one message: the answer it sent (or the notice with a handoff), the handoff's
     * reason and the draft an agent was asked to approve. All {@code null}: it stayed silent.
     */
    record Outcome(String answer, String handoffReason, String draft) {

        static final Outcome NONE = new Outcome(null, null, null);

        boolean isEmpty() {
            return answer == null && handoffReason == null && draft == null;
        }

        Outcome withAnswer(String text) {
            return new Outcome(text, handoffReason, draft);
        }

        Outcome withHandoff(String reason, String draftText) {
            return new Outcome(answer, reason, draftText);
        }

        /** The outcome as lines, for a line diff. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (handoffReason != null) {
                lines.add("[handoff: " + handoffReason + "]");
            }
            if (draft != null) {
                lines.add("[draft for an agent]");
                lines.addAll(draft.lines().toList());
            }
            if (answer != null) {
                lines.addAll(answer.lines().toList());
            }
            if (lines.isEmpty()) {
                lines.add("[no answer]");
            }
            return lines;
        }
    }

    /** The outcomes of a set of triaged messages, collected from the responder's output topics. */
    static final class Outcomes {

        private final Map<String, String> answerOf = new HashMap<>();
        private final Map<String, String> handoffOf = new HashMap<>();
        private final Map<String, Outcome> outcomes = new HashMap<>();
        private final Map<String, Boolean> fromReplay = new HashMap<>();
        private final boolean preferOriginals;

        /**
         * @param preferOriginals for the recorded answers: an original answer wins over one produced by an earlier
         *                        replay into the real topic
         */
        Outcomes(List<String> triagedEventIds, boolean preferOriginals) {
            this.preferOriginals = preferOriginals;
            for (String id : triagedEventIds) {
                answerOf.put(EventIds.derive(id, "answer"), id);
                handoffOf.put(EventIds.derive(id, "handoff"), id);
            }
        }

        /** Takes the envelope into account if it answers one of the messages; returns whether it did. */
        boolean accept(Envelope<EventPayload> envelope) {
            String answered = answerOf.get(envelope.eventId());
            String handedOff = handoffOf.get(envelope.eventId());
            String triaged = answered != null ? answered : handedOff;
            if (triaged == null) {
                return false;
            }
            String key = triaged + (answered != null ? "/answer" : "/handoff");
            Boolean seenReplay = fromReplay.get(key);
            if (seenReplay != null && preferOriginals && !seenReplay && envelope.replay()) {
                return true; // keep the original
            }
            fromReplay.put(key, envelope.replay());
            Outcome current = outcomes.getOrDefault(triaged, Outcome.NONE);
            EventPayload payload = envelope.payload();
            if (payload instanceof OutboundLineMessage line) {
                current = current.withAnswer(String.join("\n", line.texts()));
            } else if (payload instanceof OutboundEmailMessage email) {
                current = current.withAnswer(email.text());
            } else if (payload instanceof HandoffRequest handoff) {
                current = current.withHandoff(Objects.requireNonNullElse(handoff.reason(), "unknown"), handoff.draftText());
            } else {
                return false;
            }
            outcomes.put(triaged, current);
            return true;
        }

        Outcome of(String triagedEventId) {
            return outcomes.getOrDefault(triagedEventId, Outcome.NONE);
        }

        boolean has(String triagedEventId) {
            return outcomes.containsKey(triagedEventId);
        }

        int size() {
            return outcomes.size();
        }
    }

    /** One replayed message compared. */
    record Entry(SelectedRecord triaged, Outcome recorded, Outcome shadow, Kind kind) {
    }

    static Kind classify(Outcome recorded, Outcome shadow) {
        if (recorded.equals(shadow)) {
            return Kind.SAME;
        }
        if (shadow.isEmpty()) {
            return Kind.MISSING;
        }
        if (recorded.isEmpty()) {
            return Kind.NEW;
        }
        if (!Objects.equals(recorded.handoffReason(), shadow.handoffReason())) {
            return Kind.HANDOFF;
        }
        return Kind.CHANGED;
    }

    static List<Entry> compare(List<SelectedRecord> replayed, Outcomes recorded, Outcomes shadow) {
        return replayed.stream().map(t -> {
            Outcome before = recorded.of(t.eventId());
            Outcome after = shadow.of(t.eventId());
            return new Entry(t, before, after, classify(before, after));
        }).toList();
    }

    /** Prints each message's comparison and a summary line; returns the counts per kind. */
    static Map<Kind, Integer> print(List<Entry> entries, PrintStream out) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        for (Entry entry : entries) {
            counts.merge(entry.kind(), 1, Integer::sum);
            out.println(header(entry));
            switch (entry.kind()) {
                case SAME -> out.println("    " + summary(entry.recorded()));
                case MISSING -> {
                    entry.recorded().lines().forEach(line -> out.println("  - " + line));
                    out.println("  + [no shadow answer]");
                }
                default -> diffLines(entry.recorded().lines(), entry.shadow().lines(), out);
            }
        }
        out.println(summaryLine(entries.size(), counts));
        return counts;
    }

    static String summaryLine(int total, Map<Kind, Integer> counts) {
        return String.format("%d replayed: %d same, %d changed, %d handoff changes, %d missing, %d new", total,
                counts.get(Kind.SAME), counts.get(Kind.CHANGED), counts.get(Kind.HANDOFF), counts.get(Kind.MISSING),
                counts.get(Kind.NEW));
    }

    private static String header(Entry entry) {
        String marker = switch (entry.kind()) {
            case SAME -> "=";
            case CHANGED -> "~";
            case HANDOFF -> "!";
            case MISSING -> "?";
            case NEW -> "+";
        };
        String what = entry.kind().label;
        if (entry.kind() == Kind.HANDOFF) {
            what = entry.recorded().handoffReason() == null ? "new handoff (" + entry.shadow().handoffReason() + ")"
                    : entry.shadow().handoffReason() == null ? "no longer handed off (was " + entry.recorded().handoffReason() + ")"
                    : "handoff reason " + entry.recorded().handoffReason() + " -> " + entry.shadow().handoffReason();
        }
        SelectedRecord t = entry.triaged();
        return String.format("%s %s  %s  %s  %s  event %s", marker, what, t.timestamp(), t.conversationId(), labels(t),
                t.eventId());
    }

    private static String summary(Outcome outcome) {
        List<String> lines = outcome.lines();
        String first = lines.get(0);
        return lines.size() == 1 ? first : first + " (+" + (lines.size() - 1) + " more lines)";
    }

    /** Intent and language of a triaged message, or its type when it is something else. */
    private static String labels(SelectedRecord record) {
        if (record.envelope().payload() instanceof TriagedMessage triaged && triaged.triage() != null) {
            return triaged.triage().intent().name().toLowerCase(Locale.ROOT) + "/" + triaged.triage().language();
        }
        return record.envelope().type();
    }

    /** A line diff (longest common subsequence): {@code "    "} kept, {@code "  - "} recorded, {@code "  + "} shadow. */
    static void diffLines(List<String> before, List<String> after, PrintStream out) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                out.println("    " + before.get(i));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.println("  - " + before.get(i++));
            } else {
                out.println("  + " + after.get(j++));
            }
        }
    }

    private AnswerDiff() {
    }
}
