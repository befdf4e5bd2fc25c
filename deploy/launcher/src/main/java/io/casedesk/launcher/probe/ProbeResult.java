package io.casedesk.launcher.probe;

import io.casedesk.launcher.probe.ProbeFile.Probe;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What came back for one probe, and why it fails when it does.
 *
 * @param writer   who sent it, as sent (a LINE user id or an email address)
 * @param answer   every message the writer received for it, one after the other; empty for none
 * @param handoffs the reasons of the HandoffRequests published for it ({@code cs.handoff.v1}); empty for none
 * @param reasons  why it fails; empty when it passes
 */
public record ProbeResult(Probe probe, String writer, String answer, List<String> handoffs, Duration took,
                          List<String> reasons) {

    public boolean passed() {
        return reasons.isEmpty();
    }

    /** Judges what came back against the probe's expectations. */
    public static ProbeResult of(Probe probe, String writer, String answer, List<String> handoffs, Duration took) {
        List<String> reasons = new ArrayList<>();
        if (answer.isBlank()) {
            // Even a conversation handed to a person is acknowledged: silence leaves the customer wondering.
            reasons.add("no answer arrived");
        }
        for (List<String> anyOf : probe.mustMention()) {
            if (anyOf.stream().noneMatch(expected -> ProbeMatcher.mentions(answer, expected))) {
                reasons.add("does not mention " + (anyOf.size() == 1 ? quote(anyOf.get(0))
                        : "any of " + String.join(" / ", anyOf.stream().map(ProbeResult::quote).toList())));
            }
        }
        for (String forbidden : probe.mustNotMention()) {
            if (ProbeMatcher.mentions(answer, forbidden)) {
                reasons.add("mentions " + quote(forbidden) + ", which it must not");
            }
        }
        if (Boolean.TRUE.equals(probe.handoff()) && handoffs.isEmpty()) {
            reasons.add("no handoff to a person");
        } else if (Boolean.FALSE.equals(probe.handoff()) && !handoffs.isEmpty()) {
            reasons.add("handed off to a person (" + String.join(", ", handoffs) + ") instead of answering");
        }
        return new ProbeResult(probe, writer, answer, List.copyOf(handoffs), took, List.copyOf(reasons));
    }

    /** One line per probe; for a failing one (or every one when {@code verbose}) the reasons and the answer below it. */
    public void print(PrintWriter out, boolean verbose) {
        out.printf("%s  %-34s %-6s %-14s %s%n", passed() ? "PASS" : "FAIL", probe.id(), probe.channel(),
                shorten(probe.from(), 14), shorten(probe.text().replaceAll("\\s+", " "), 60));
        reasons.forEach(reason -> out.println("      - " + reason));
        if (verbose || !passed()) {
            out.println("      handoff: " + (handoffs.isEmpty() ? "none" : String.join(", ", handoffs)) + "; "
                    + took.toMillis() / 100 / 10.0 + " s");
            String shown = answer.isBlank() ? "(nothing)" : answer.strip();
            shown.lines().forEach(line -> out.println("      | " + line));
        }
    }

    /** {@code 87 of 90 probes pass; failing: a, b, c}. */
    public static String summary(List<ProbeResult> results) {
        long passed = results.stream().filter(ProbeResult::passed).count();
        List<String> failing = results.stream().filter(r -> !r.passed()).map(r -> r.probe().id()).toList();
        return passed + " of " + results.size() + " probes pass" + (failing.isEmpty() ? "."
                : "; failing: " + String.join(", ", failing));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String shorten(String text, int length) {
        return text.codePointCount(0, text.length()) <= length ? text
                : text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
    }
}
