package io.casedesk.classifier.eval;

import io.casedesk.schema.Triage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** The figures of one engine on one labelled set: per label family precision, recall and F1, and the rest. */
final class EvaluationReport {

    /** The label families as named in the evaluation files, with the engine's answer for each. */
    private static final Map<String, Function<Triage, String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("intent", t -> t.intent().name().toLowerCase(Locale.ROOT));
        FAMILIES.put("emotion", t -> t.emotion().name().toLowerCase(Locale.ROOT));
        FAMILIES.put("urgency", t -> t.urgency().name().toLowerCase(Locale.ROOT));
        FAMILIES.put("needs_human", t -> String.valueOf(t.needsHuman()));
        FAMILIES.put("lang", Triage::language);
    }

    private final String engine;
    private final Path set;
    private final List<TriageEvaluation.LabelledMessage> items;
    private final List<Triage> triages;
    private final double loadSeconds;
    /** The duration of each timed pass over all messages, fastest first. */
    private final List<Double> seconds;

    EvaluationReport(String engine, Path set, List<TriageEvaluation.LabelledMessage> items, List<Triage> triages,
                     double loadSeconds, List<Double> seconds) {
        this.engine = engine;
        this.set = set;
        this.items = items;
        this.triages = triages;
        this.loadSeconds = loadSeconds;
        this.seconds = seconds.stream().sorted().toList();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s on %s (%d messages) ===%n", engine, set.getFileName(), items.size()));
        out.append(String.format(Locale.ROOT, "summary: intent macro-F1 %.3f | emotion macro-F1 %.3f | urgency macro-F1 %.3f"
                        + " | needs-human recall %.3f | language accuracy %.3f%n",
                macroF1("intent"), macroF1("emotion"), macroF1("urgency"), recall("needs_human", "true"), accuracy("lang")));
        for (String family : FAMILIES.keySet()) {
            appendTable(out, family);
        }
        long humans = count(i -> expected(i, "needs_human").equals("true"));
        long caught = count(i -> expected(i, "needs_human").equals("true") && actual(i, "needs_human").equals("true"));
        out.append(String.format(Locale.ROOT, "%nneeds-human recall %.3f (%d of %d), precision %.3f%n",
                recall("needs_human", "true"), caught, humans, needsHumanPrecision()));
        out.append(String.format(Locale.ROOT, "second request (alsoAsks) named for %d of %d messages%n",
                triages.stream().filter(t -> t.alsoAsks() != null).count(), items.size()));
        if (Boolean.getBoolean("eval.misses")) {
            out.append(missedNeedsHuman());
        }
        out.append(confusionMatrix("intent"));
        // The machine is shared: the best pass shows what the engine can do, the median what it did meanwhile.
        double best = seconds.get(0);
        double median = seconds.get(seconds.size() / 2);
        out.append(String.format(Locale.ROOT, "%nspeed: %.1f messages/s best, %.1f median of %d passes (%d messages in %.2f s at best,"
                        + " %d cores, load average %.2f); engine loaded in %.2f s%n",
                items.size() / best, items.size() / median, seconds.size(), items.size(), best,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                loadSeconds));
        return out.toString();
    }

    /** Only the tables of the given families and the intent confusion matrix, for a set that has no other labels. */
    String renderFamilies(List<String> families) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s on %s (%d messages) ===%n", engine, set.getFileName(), items.size()));
        out.append(String.format(Locale.ROOT, "summary: intent macro-F1 %.3f | emotion macro-F1 %.3f | urgency macro-F1 %.3f"
                        + " | needs-human recall %.3f, precision %.3f%n",
                macroF1("intent"), macroF1("emotion"), macroF1("urgency"), recall("needs_human", "true"),
                needsHumanPrecision()));
        for (String family : families) {
            appendTable(out, family);
        }
        out.append(confusionMatrix("intent"));
        return out.toString();
    }

    /** 0 for a set in which no message is, or is read as, one for a person. */
    private double needsHumanPrecision() {
        return scores("needs_human").getOrDefault("true", new Scores(0, 0, 0)).precision();
    }

    private void appendTable(StringBuilder out, String family) {
        out.append(String.format(Locale.ROOT, "%n[%s] accuracy %.3f, macro-F1 %.3f (%d labelled)%n", family, accuracy(family),
                macroF1(family), count(i -> labelled(i, family))));
        out.append(String.format(Locale.ROOT, "  %-15s %9s %7s %7s %8s%n", "label", "precision", "recall", "f1", "support"));
        scores(family).forEach((label, s) -> out.append(String.format(Locale.ROOT, "  %-15s %9.3f %7.3f %7.3f %8d%n",
                label, s.precision(), s.recall(), s.f1(), s.support())));
    }

    /**
     * With -Deval.misses: the ids and labels (never the text) of messages a person should have seen and did not, and of
     * those sent to a person who need not have been, with what sent them.
     */
    private String missedNeedsHuman() {
        StringBuilder out = new StringBuilder("needs-human misses (id: expected intent/emotion/urgency -> predicted)\n");
        for (int i = 0; i < items.size(); i++) {
            if (expected(i, "needs_human").equals("true") && actual(i, "needs_human").equals("false")) {
                out.append(String.format(Locale.ROOT, "  %s: %s/%s/%s -> %s/%s/%s%n", items.get(i).expected("id"),
                        expected(i, "intent"), expected(i, "emotion"), expected(i, "urgency"),
                        actual(i, "intent"), actual(i, "emotion"), actual(i, "urgency")));
            }
        }
        // Over-routing costs the customer an answer: which rule or model sent each plain question to a person.
        out.append("needs-human false alarms (id: expected intent -> predicted intent, reasons)\n");
        for (int i = 0; i < items.size(); i++) {
            if (expected(i, "needs_human").equals("false") && actual(i, "needs_human").equals("true")) {
                out.append(String.format(Locale.ROOT, "  %s: %s -> %s %s%n", items.get(i).expected("id"),
                        expected(i, "intent"), actual(i, "intent"), triages.get(i).reasons().stream()
                                .filter(reason -> reason.startsWith("needs_human")).toList()));
            }
        }
        return out.toString();
    }

    private String confusionMatrix(String family) {
        TreeSet<String> labels = labels(family);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n[%s] confusion matrix (rows expected, columns predicted)%n", family));
        out.append(String.format(Locale.ROOT, "  %-15s", ""));
        labels.forEach(label -> out.append(String.format(Locale.ROOT, " %6.6s", label)));
        out.append('\n');
        for (String expected : labels) {
            out.append(String.format(Locale.ROOT, "  %-15s", expected));
            for (String predicted : labels) {
                long n = count(i -> expected(i, family).equals(expected) && actual(i, family).equals(predicted));
                out.append(String.format(Locale.ROOT, " %6s", n == 0 ? "." : String.valueOf(n)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private Map<String, Scores> scores(String family) {
        Map<String, Scores> scores = new TreeMap<>();
        for (String label : labels(family)) {
            long truePositives = count(i -> expected(i, family).equals(label) && actual(i, family).equals(label));
            long predicted = count(i -> labelled(i, family) && actual(i, family).equals(label));
            long support = count(i -> expected(i, family).equals(label));
            scores.put(label, new Scores(ratio(truePositives, predicted), ratio(truePositives, support), support));
        }
        return scores;
    }

    /** Labels seen in the set or predicted: a label predicted but never expected counts against macro-F1. */
    private TreeSet<String> labels(String family) {
        TreeSet<String> labels = new TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (labelled(i, family)) {
                labels.add(expected(i, family));
                labels.add(actual(i, family));
            }
        }
        return labels;
    }

    private double macroF1(String family) {
        return scores(family).values().stream().mapToDouble(Scores::f1).average().orElse(0);
    }

    private double recall(String family, String label) {
        return scores(family).getOrDefault(label, new Scores(0, 0, 0)).recall();
    }

    private double accuracy(String family) {
        return ratio(count(i -> expected(i, family).equals(actual(i, family))), count(i -> labelled(i, family)));
    }

    /** Whether item {@code i} carries a label of {@code family}: the first training examples have intent and emotion only. */
    private boolean labelled(int i, String family) {
        return !expected(i, family).isEmpty();
    }

    private long count(IntPredicate predicate) {
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
            if (predicate.test(i)) {
                n++;
            }
        }
        return n;
    }

    private String expected(int i, String family) {
        return items.get(i).expected(family);
    }

    private String actual(int i, String family) {
        return FAMILIES.get(family).apply(triages.get(i));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private record Scores(double precision, double recall, long support) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }
}
