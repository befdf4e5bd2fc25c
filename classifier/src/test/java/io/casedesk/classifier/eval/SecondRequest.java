package io.casedesk.classifier.eval;

import io.casedesk.classifier.service.embedding.EmbeddingTriageEngine;
import io.casedesk.classifier.service.embedding.TrainingExample;
import io.casedesk.classifier.service.rules.Calibration;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.classifier.service.rules.ModelReading;
import io.casedesk.schema.Channel;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message that makes two requests, made for measuring {@code alsoAsks}: two short, calm training messages of one
 * scenario with different intents, sent as one LINE message ("my new address is ..." and "any news on my case?"). The
 * training examples carry one intent each, so this is the only labelled material for a second request; it is measured in
 * the held-out fold of its scenario only.
 */
record SecondRequest(InboundMessage message, Intent first, Intent second) {

    private static final Set<Intent> ANSWERABLE = EnumSet.of(Intent.CASE_STATUS, Intent.APPOINTMENT, Intent.BILLING,
            Intent.DOCUMENTS, Intent.ACCOUNT, Intent.GENERAL_INFO);
    private static final int MAX_LENGTH = 120;
    private static final int MAX_PER_SCENARIO = 3;
    static final double[] THRESHOLDS = {0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90};

    static List<SecondRequest> pairsOf(List<TrainingExample> fold) {
        Map<String, List<TrainingExample>> byScenario = new LinkedHashMap<>();
        for (TrainingExample example : fold) {
            if (example.urgency() != null && ANSWERABLE.contains(example.intent()) && example.emotion() == Emotion.NEUTRAL
                    && !Boolean.TRUE.equals(example.needsHuman()) && example.text().length() <= MAX_LENGTH
                    && !example.text().contains("\n")) {
                byScenario.computeIfAbsent(example.group(), group -> new ArrayList<>()).add(example);
            }
        }
        List<SecondRequest> pairs = new ArrayList<>();
        for (List<TrainingExample> scenario : byScenario.values()) {
            int made = 0;
            for (int i = 0; i < scenario.size() && made < MAX_PER_SCENARIO; i++) {
                for (int j = i + 1; j < scenario.size() && made < MAX_PER_SCENARIO; j++) {
                    TrainingExample a = scenario.get(i);
                    TrainingExample b = scenario.get(j);
                    if (a.intent() != b.intent() && pairs.stream().noneMatch(p -> p.message().text().contains(a.text()))) {
                        pairs.add(new SecondRequest(TriageEvaluation.message(Channel.LINE, a.text() + "\n" + b.text()),
                                a.intent(), b.intent()));
                        made++;
                    }
                }
            }
        }
        return pairs;
    }

    /** Whether the triage names both requests, one as the intent and the other as the second request. */
    boolean foundIn(Triage triage) {
        return triage.intent() == first && triage.alsoAsks() == second || triage.intent() == second && triage.alsoAsks() == first;
    }

    /** The share of two-request messages found and of one-request training messages given a second request, per threshold. */
    static String report(List<SecondRequest> pairs, List<ModelReading> pairReadings, List<TriageEvaluation.LabelledMessage> singles,
                         List<ModelReading> singleReadings, LocalRulesTriageEngine rules, Calibration used) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n[alsoAsks] %d two-request messages made of held-out examples; %d one-request examples%n", pairs.size(), singles.size()));
        out.append("  threshold  both found  second named on one-request\n");
        for (double threshold : THRESHOLDS) {
            out.append(row(threshold, pairs, pairReadings, singles, singleReadings, rules, used, ""));
        }
        out.append(row(used.alsoAsksThreshold(), pairs, pairReadings, singles, singleReadings, rules, used, "  <- in use"));
        return out.toString();
    }

    static double[] rates(double threshold, List<SecondRequest> pairs, List<ModelReading> pairReadings,
                          List<TriageEvaluation.LabelledMessage> singles, List<ModelReading> singleReadings,
                          LocalRulesTriageEngine rules, Calibration used) {
        Calibration calibration = used.withThresholds(used.needsHumanThreshold(), used.suspicionThreshold(), threshold);
        long found = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Triage triage = rules.triage(pairs.get(i).message(), pairReadings.get(i).calibrated(used), calibration, EmbeddingTriageEngine.NAME);
            found += pairs.get(i).foundIn(triage) ? 1 : 0;
        }
        long named = 0;
        for (int i = 0; i < singles.size(); i++) {
            Triage triage = rules.triage(singles.get(i).message(), singleReadings.get(i).calibrated(used), calibration, EmbeddingTriageEngine.NAME);
            named += triage.alsoAsks() != null ? 1 : 0;
        }
        return new double[]{found / (double) Math.max(1, pairs.size()), named / (double) Math.max(1, singles.size())};
    }

    private static String row(double threshold, List<SecondRequest> pairs, List<ModelReading> pairReadings,
                              List<TriageEvaluation.LabelledMessage> singles, List<ModelReading> singleReadings,
                              LocalRulesTriageEngine rules, Calibration used, String note) {
        double[] rates = rates(threshold, pairs, pairReadings, singles, singleReadings, rules, used);
        return String.format(Locale.ROOT, "  %9.2f  %10.3f  %10.3f%s%n", threshold, rates[0], rates[1], note);
    }
}
