package io.casedesk.launcher.bench;

import io.casedesk.launcher.bench.Benchmark.Answer;
import io.casedesk.launcher.bench.Benchmark.Channel;
import io.casedesk.launcher.bench.Benchmark.CpuSample;
import io.casedesk.launcher.bench.Benchmark.KillOutcome;
import io.casedesk.launcher.bench.Benchmark.Probe;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a benchmark run measured, and how it is printed. */
final class Report {

    /** The outcome of the messages of one channel (LINE, or email) in the measured run. */
    record Outcome(Channel channel, int offered, int acknowledged, int refused, int answered, int lost, int twice,
            int moreThanOne, int answeredThoughRefused, LatencyStats latency, double offeredPerSecond,
            double achievedPerSecond, long maxSendLagMillis) {

        /**
         * Counts the measured messages of {@code channel}: acknowledged ones are answered or lost; an answer that
         * comes again with the same texts makes a message answered twice. Latency runs from the webhook (for LINE;
         * from the send otherwise) to the first answer. The achieved rate is the answered messages over the time from
         * the first send to the last first answer.
         */
        static Outcome of(Channel channel, List<Probe> probes, double offeredPerSecond) {
            int offered = 0;
            int acknowledged = 0;
            int refused = 0;
            int answered = 0;
            int lost = 0;
            int twice = 0;
            int moreThanOne = 0;
            int answeredThoughRefused = 0;
            long maxLag = 0;
            long firstSend = Long.MAX_VALUE;
            long lastAnswer = Long.MIN_VALUE;
            List<Long> latencies = new ArrayList<>();
            for (Probe probe : probes) {
                if (!probe.measured || probe.channel != channel) {
                    continue;
                }
                offered++;
                maxLag = Math.max(maxLag, Math.max(0, (probe.sentNanos - probe.scheduledNanos) / 1_000_000));
                firstSend = Math.min(firstSend, probe.sentAtMillis);
                List<Answer> answers;
                synchronized (probe.answers) {
                    answers = List.copyOf(probe.answers);
                }
                if (!probe.acknowledged()) {
                    refused++;
                    if (!answers.isEmpty()) {
                        answeredThoughRefused++;
                    }
                    continue;
                }
                acknowledged++;
                if (answers.isEmpty()) {
                    lost++;
                    continue;
                }
                answered++;
                long first = answers.stream().mapToLong(Answer::atMillis).min().orElseThrow();
                lastAnswer = Math.max(lastAnswer, first);
                long from = probe.webhookAtMillis >= 0 ? probe.webhookAtMillis : probe.sentAtMillis;
                latencies.add(Math.max(0, first - from));
                if (answers.size() > 1) {
                    moreThanOne++;
                    Set<List<String>> texts = new HashSet<>();
                    if (answers.stream().anyMatch(answer -> !texts.add(answer.texts()))) {
                        twice++;
                    }
                }
            }
            double span = (lastAnswer - firstSend) / 1000.0;
            double achieved = answered == 0 || span <= 0 ? 0 : answered / span;
            return new Outcome(channel, offered, acknowledged, refused, answered, lost, twice, moreThanOne,
                    answeredThoughRefused, LatencyStats.of(latencies), offeredPerSecond, achieved, maxLag);
        }
    }

    /**
     * A process's CPU during the run: milliseconds used, what its idle rate would have used in that time, and the
     * result per answered message ({@code restarted} when its pid changed, e.g. after {@code --kill}).
     */
    record ProcessLoad(String name, long runMillis, double idleMillis, double perMessageMillis, double shareOfOneCore,
            boolean restarted) {

        /** The CPU of every part present in both samples, its idle rate subtracted, and the generator's, per answered message. */
        static List<ProcessLoad> of(CpuSample idleStart, CpuSample idleEnd, CpuSample runStart, CpuSample runEnd,
                int answered) {
            double idleSeconds = (idleEnd.nanos() - idleStart.nanos()) / 1e9;
            double runSeconds = (runEnd.nanos() - runStart.nanos()) / 1e9;
            List<ProcessLoad> loads = new ArrayList<>();
            for (String name : runStart.millis().keySet()) {
                Long before = runStart.millis().get(name);
                Long after = runEnd.millis().get(name);
                boolean restarted = after == null || !runStart.pids().get(name).equals(runEnd.pids().get(name));
                long used = restarted ? 0 : after - before;
                double idleRate = idleSeconds > 0 && idleStart.millis().containsKey(name)
                        && idleStart.pids().get(name).equals(idleEnd.pids().get(name))
                        ? (idleEnd.millis().get(name) - idleStart.millis().get(name)) / idleSeconds : 0;
                loads.add(load(name, used, idleRate * runSeconds, runSeconds, answered, restarted));
            }
            // Nothing is subtracted from the generator: it does nothing between runs, and its idle window follows its
            // own start, whose class loading and compiling would otherwise be taken off (it showed 0 ms per message).
            loads.add(load("load generator", runEnd.selfMillis() - runStart.selfMillis(), 0, runSeconds, answered, false));
            return loads;
        }

        static ProcessLoad load(String name, long used, double idle, double runSeconds, int answered, boolean restarted) {
            double busy = Math.max(0, used - idle);
            return new ProcessLoad(name, used, idle, answered == 0 ? Double.NaN : busy / answered,
                    runSeconds <= 0 ? 0 : used / (runSeconds * 1000), restarted);
        }
    }

    private final BenchOptions options;
    private final Outcome primary;
    private final Outcome email;
    private final List<ProcessLoad> loads;
    private final double machineBusy;
    private final double runSeconds;
    private final int unattributed;
    private final KillOutcome kill;
    private final String loadBefore;
    private final String loadAfter;
    private final int reconnects;
    /** Unanswered because a person owns the conversation (the responder's count); -1 when unknown. */
    private final int withAPerson;

    private Report(BenchOptions options, Outcome primary, Outcome email, List<ProcessLoad> loads, double machineBusy,
            double runSeconds, int unattributed, KillOutcome kill, String loadBefore, String loadAfter, int reconnects,
            int withAPerson) {
        this.options = options;
        this.primary = primary;
        this.email = email;
        this.loads = loads;
        this.machineBusy = machineBusy;
        this.runSeconds = runSeconds;
        this.unattributed = unattributed;
        this.kill = kill;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.reconnects = reconnects;
        this.withAPerson = withAPerson;
    }

    static Report of(BenchOptions options, List<Probe> probes, CpuSample idleStart, CpuSample idleEnd,
            CpuSample runStart, CpuSample runEnd, Duration window, int unattributed, KillOutcome kill,
            String loadBefore, String loadAfter, int reconnects, int withAPerson) {
        double emailShare = options.emailFraction();
        Outcome primary = Outcome.of(options.outboundOnly() ? Channel.OUTBOUND : Channel.LINE, probes,
                options.rate() * (1 - emailShare));
        Outcome email = emailShare > 0 ? Outcome.of(Channel.EMAIL, probes, options.rate() * emailShare) : null;
        int answered = primary.answered() + (email == null ? 0 : email.answered());
        return new Report(options, primary, email, ProcessLoad.of(idleStart, idleEnd, runStart, runEnd, answered),
                runEnd.machine().busySince(runStart.machine()), window.toMillis() / 1000.0, unattributed, kill,
                loadBefore, loadAfter, reconnects, withAPerson);
    }

    Outcome primary() {
        return primary;
    }

    /**
     * The acknowledged messages without an answer that the responder did not leave to a person: those are lost. The
     * responder's count is not per message (nor per channel), so this is a count, attributed to the primary channel.
     */
    int unexplainedLost() {
        return Math.max(0, primary.lost() - Math.max(0, withAPerson));
    }

    /** Every acknowledged message answered (or left to the person who owns its conversation), and none twice. */
    boolean clean() {
        return unexplainedLost() == 0 && primary.twice() == 0
                && (email == null || (email.lost() == 0 && email.twice() == 0))
                && (kill == null || kill.problem() == null);
    }

    void print(PrintStream out) {
        out.println();
        String what = primary.channel() == Channel.OUTBOUND ? "outbound only (cs.outbound.line.v1 → ingress-line → LINE)"
                : "LINE webhook → LINE reply call";
        out.println("== " + what + (options.apiDelayMillis() != null ? ", Messaging API delay " + options.apiDelayMillis()
                + " ms" : ""));
        printOutcome(out, primary);
        if (withAPerson > 0) {
            out.printf("  with a person %d of them: the bot stays silent while a person owns the conversation (a ticket"
                    + " opened earlier in the run); lost for another reason: %d%n", withAPerson, unexplainedLost());
        }
        if (email != null) {
            out.println("== email (SMTP → answer in the writer's mailbox, timed to about a second)");
            printOutcome(out, email);
        }
        if (kill != null) {
            out.println("== kill -9");
            if (kill.problem() != null) {
                out.println("  " + kill.problem());
            } else {
                out.printf(Locale.ROOT, "  %s (pid %d) killed at %.1f s, started again as pid %d, ready %.1f s later;"
                                + " acknowledged messages answered exactly once (or left to a person): %s%n", kill.service(),
                        kill.oldPid(), kill.killedAtSeconds(), kill.newPid(), kill.readyAfterSeconds(),
                        unexplainedLost() == 0 && primary.twice() == 0 ? "yes" : "NO");
            }
        }
        out.printf(Locale.ROOT, "== CPU during the run (%.1f s; idle use subtracted), per answered message%n", runSeconds);
        double totalPerMessage = 0;
        double totalShare = 0;
        for (ProcessLoad load : loads) {
            if (load.restarted()) {
                out.printf(Locale.ROOT, "  %-16s   (restarted during the run: not comparable)%n", load.name());
                continue;
            }
            out.printf(Locale.ROOT, "  %-16s %7.2f ms/msg  %5.0f%% of a core%n", load.name(), load.perMessageMillis(),
                    load.shareOfOneCore() * 100);
            if (!Double.isNaN(load.perMessageMillis())) {
                totalPerMessage += load.perMessageMillis();
            }
            totalShare += load.shareOfOneCore();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "  %-16s %7.2f ms/msg  %5.0f%% of a core (of %d); the whole machine was %.0f%% busy"
                + " (other users' processes included)%n", "total", totalPerMessage, totalShare * 100, cores, machineBusy * 100);
        out.println("load average " + loadBefore + " before, " + loadAfter + " after"
                + (unattributed > 0 ? "; " + unattributed + " bot messages to the run's users carried no known trace" : "")
                + (reconnects > 0 ? "; the event stream reconnected " + reconnects + " times" : ""));
        out.println(summaryLine());
    }

    private static void printOutcome(PrintStream out, Outcome outcome) {
        out.printf(Locale.ROOT, "  offered      %d messages at %.1f msg/s (the generator fell behind its schedule by at"
                + " most %d ms)%n", outcome.offered(), outcome.offeredPerSecond(), outcome.maxSendLagMillis());
        out.printf(Locale.ROOT, "  accepted     %d (refused or unreachable: %d, of which answered anyway: %d)%n",
                outcome.acknowledged(), outcome.refused(), outcome.answeredThoughRefused());
        out.printf(Locale.ROOT, "  answered     %d of %d accepted, achieved %.1f msg/s%n", outcome.answered(),
                outcome.acknowledged(), outcome.achievedPerSecond());
        out.println("  latency      " + outcome.latency().summary());
        out.printf("  lost         %d   answered twice %d   (more than one message for one question: %d)%n",
                outcome.lost(), outcome.twice(), outcome.moreThanOne());
    }

    /** One line for notes and tables. */
    String summaryLine() {
        LatencyStats latency = primary.latency();
        return String.format(Locale.ROOT, "RESULT rate=%s offered=%d accepted=%d answered=%d achieved=%.1f/s p50=%d"
                        + " p95=%d p99=%d max=%d lost=%d withAPerson=%d twice=%d load=%s",
                BenchOptions.formatRate(options.rate()), primary.offered(), primary.acknowledged(), primary.answered(),
                primary.achievedPerSecond(), latency.percentile(50), latency.percentile(95), latency.percentile(99),
                latency.max(), unexplainedLost(), Math.max(0, withAPerson), primary.twice(), loadAfter.replace(" ", ""));
    }

    /** CPU per message by process name, for tables. */
    Map<String, Double> perMessage() {
        Map<String, Double> map = new LinkedHashMap<>();
        loads.forEach(load -> map.put(load.name(), load.perMessageMillis()));
        return map;
    }
}
