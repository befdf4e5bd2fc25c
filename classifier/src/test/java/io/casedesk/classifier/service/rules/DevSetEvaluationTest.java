package io.casedesk.classifier.service.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the rules engine on the labelled dev set of {@code ../shared/eval} and prints the figures. It asserts
 * nothing: the set is for measuring, never for tuning the lexicon to its wording. Another file can be measured
 * with {@code -Dcasedesk.eval.triage=<path>}.
 */
class DevSetEvaluationTest {

    private static final Path DEFAULT_SET = Path.of("..", "..", "shared", "eval", "triage-dev.jsonl");

    private final LocalRulesTriageEngine engine = new LocalRulesTriageEngine("zh-Hant");

    @Test
    void printsFiguresOnTheDevSet() throws IOException {
        Path set = Path.of(System.getProperty("casedesk.eval.triage", DEFAULT_SET.toString()));
        assumeTrue(Files.isRegularFile(set), "No evaluation set at " + set.toAbsolutePath());

        List<Outcome> outcomes = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(set)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = mapper.readTree(line);
            Channel channel = "email".equals(item.path("channel").asText()) ? Channel.EMAIL : Channel.LINE;
            Triage triage = engine.triage(new InboundMessage(channel, MessageKind.TEXT, "evaluation", null, null,
                    item.path("text").asText(), List.of(), Instant.now(), null, null));
            outcomes.add(new Outcome(item, triage));
        }
        System.out.println(report(set, outcomes));
    }

    private static String report(Path set, List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("\n=== local-rules on " + set.getFileName() + " (" + outcomes.size() + " messages) ===\n");
        out.append(String.format(Locale.ROOT, "intent accuracy      %.3f%n", accuracy(outcomes, "intent")));
        out.append(String.format(Locale.ROOT, "intent macro-F1      %.3f%n", macroF1(outcomes)));
        out.append(String.format(Locale.ROOT, "emotion accuracy     %.3f%n", accuracy(outcomes, "emotion")));
        out.append(String.format(Locale.ROOT, "urgency accuracy     %.3f%n", accuracy(outcomes, "urgency")));
        out.append(String.format(Locale.ROOT, "language accuracy    %.3f%n", accuracy(outcomes, "lang")));
        long humans = outcomes.stream().filter(o -> o.expectedNeedsHuman()).count();
        long caught = outcomes.stream().filter(o -> o.expectedNeedsHuman() && o.triage().needsHuman()).count();
        long flagged = outcomes.stream().filter(o -> o.triage().needsHuman()).count();
        out.append(String.format(Locale.ROOT, "needs-human recall   %.3f (%d of %d)%n", ratio(caught, humans), caught, humans));
        out.append(String.format(Locale.ROOT, "needs-human precision %.3f (%d flagged)%n", ratio(caught, flagged), flagged));
        out.append("per intent           precision recall  f1     support\n");
        perIntent(outcomes).forEach((intent, f) -> out.append(String.format(Locale.ROOT,
                "  %-18s %.3f     %.3f   %.3f  %d%n", intent, f.precision(), f.recall(), f.f1(), f.support())));
        return out.toString();
    }

    private static double accuracy(List<Outcome> outcomes, String field) {
        return ratio(outcomes.stream().filter(o -> o.expected(field).equals(o.actual(field))).count(), outcomes.size());
    }

    private static double macroF1(List<Outcome> outcomes) {
        return perIntent(outcomes).values().stream().mapToDouble(Scores::f1).average().orElse(0);
    }

    private static Map<String, Scores> perIntent(List<Outcome> outcomes) {
        TreeSet<String> intents = new TreeSet<>();
        outcomes.forEach(o -> {
            intents.add(o.expected("intent"));
            intents.add(o.actual("intent"));
        });
        Map<String, Scores> scores = new TreeMap<>();
        for (String intent : intents) {
            long truePositives = outcomes.stream()
                    .filter(o -> o.expected("intent").equals(intent) && o.actual("intent").equals(intent)).count();
            long predicted = outcomes.stream().filter(o -> o.actual("intent").equals(intent)).count();
            long support = outcomes.stream().filter(o -> o.expected("intent").equals(intent)).count();
            scores.put(intent, new Scores(ratio(truePositives, predicted), ratio(truePositives, support), support));
        }
        return scores;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private record Scores(double precision, double recall, long support) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private record Outcome(JsonNode item, Triage triage) {
        String expected(String field) {
            return item.path(field).asText();
        }

        String actual(String field) {
            return switch (field) {
                case "intent" -> triage.intent().name().toLowerCase(Locale.ROOT);
                case "emotion" -> triage.emotion().name().toLowerCase(Locale.ROOT);
                case "urgency" -> triage.urgency().name().toLowerCase(Locale.ROOT);
                case "lang" -> triage.language();
                default -> throw new IllegalArgumentException(field);
            };
        }

        boolean expectedNeedsHuman() {
            return item.path("needs_human").asBoolean();
        }
    }
}
