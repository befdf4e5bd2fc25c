package io.casedesk.launcher.bench;

import io.casedesk.launcher.bench.Benchmark.Answer;
import io.casedesk.launcher.bench.Benchmark.Channel;
import io.casedesk.launcher.bench.Benchmark.CpuSample;
import io.casedesk.launcher.bench.Benchmark.Probe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts and figures of a run, from made-up messages and CPU samples (no clock involved). */
class ReportTest {

    private final List<Probe> probes = new ArrayList<>();

    @Test
    void acknowledgedMessagesAreAnsweredLostOrAnsweredTwice() {
        probe("once", 200, 1_000, 1_010, answer(1_130, "A"));
        probe("lost", 200, 1_100, 1_105);
        probe("twice", 200, 1_200, 1_210, answer(1_400, "B"), answer(1_900, "B"));
        probe("two-parts", 200, 1_300, 1_305, answer(1_500, "C"), answer(1_600, "D"));
        probe("refused", 502, 1_400, 1_401);
        probe("refused-but-answered", -1, 1_500, 1_501, answer(1_700, "E"));
        Probe warmup = probe("warm-up", 200, 900, 905);
        probes.remove(warmup);
        probes.add(new Probe("warm-up", Channel.LINE, false, "U1", 0));

        Report.Outcome outcome = Report.Outcome.of(Channel.LINE, probes, 10);

        assertThat(outcome.offered()).isEqualTo(6);
        assertThat(outcome.acknowledged()).isEqualTo(4);
        assertThat(outcome.refused()).isEqualTo(2);
        assertThat(outcome.answeredThoughRefused()).isEqualTo(1);
        assertThat(outcome.answered()).isEqualTo(3);
        assertThat(outcome.lost()).isEqualTo(1);
        assertThat(outcome.twice()).isEqualTo(1);
        assertThat(outcome.moreThanOne()).isEqualTo(2);
        // From each webhook to its first answer: 120, 190 and 195 ms.
        assertThat(outcome.latency().count()).isEqualTo(3);
        assertThat(outcome.latency().percentile(50)).isEqualTo(190);
        assertThat(outcome.latency().max()).isEqualTo(195);
        // Three answered between the first send (1,000) and the last first answer (1,500).
        assertThat(outcome.achievedPerSecond()).isEqualTo(6.0);
    }

    @Test
    void withoutAWebhookEventLatencyCountsFromTheSend() {
        Probe outbound = new Probe("o", Channel.OUTBOUND, true, "U1", 0);
        outbound.sentAtMillis = 5_000;
        outbound.status = 200;
        outbound.answers.add(new Answer(5_090, List.of("x")));
        probes.add(outbound);

        Report.Outcome outcome = Report.Outcome.of(Channel.OUTBOUND, probes, 300);

        assertThat(outcome.latency().percentile(50)).isEqualTo(90);
        assertThat(Report.Outcome.of(Channel.LINE, probes, 300).offered()).isZero();
    }

    @Test
    void howFarTheGeneratorFellBehindItsScheduleIsTheLargestLag() {
        Probe onTime = probe("a", 200, 0, 0, answer(10, "x"));
        onTime.sentNanos = onTime.scheduledNanos + 300_000;
        Probe late = new Probe("b", Channel.LINE, true, "U1", 1_000_000_000L);
        late.sentNanos = 1_000_000_000L + 25_000_000;
        late.status = 200;
        probes.add(late);

        assertThat(Report.Outcome.of(Channel.LINE, probes, 1).maxSendLagMillis()).isEqualTo(25);
    }

    @Test
    void cpuPerMessageSubtractsWhatTheIdleRateWouldHaveUsed() {
        // Idle: 10 s in which the classifier used 200 ms (20 ms/s) and the responder 0.
        CpuSample idleStart = sample(0, Map.of("classifier", 1_000L, "responder", 5_000L), 100);
        CpuSample idleEnd = sample(10, Map.of("classifier", 1_200L, "responder", 5_000L), 110);
        // Run: 20 s, classifier +2,400 ms (400 of them idle use), responder +1,000 ms, 100 answers.
        CpuSample runStart = sample(10, Map.of("classifier", 1_200L, "responder", 5_000L), 110);
        CpuSample runEnd = sample(30, Map.of("classifier", 3_600L, "responder", 6_000L), 510);

        List<Report.ProcessLoad> loads = Report.ProcessLoad.of(idleStart, idleEnd, runStart, runEnd, 100);

        assertThat(loads).extracting(Report.ProcessLoad::name).containsExactly("classifier", "responder", "load generator");
        assertThat(loads.get(0).perMessageMillis()).isEqualTo(20.0);
        assertThat(loads.get(0).shareOfOneCore()).isEqualTo(0.12);
        assertThat(loads.get(1).perMessageMillis()).isEqualTo(10.0);
        // The generator: 400 ms in 20 s, all of it the run's (its 10 ms in the idle window followed its own start).
        assertThat(loads.get(2).perMessageMillis()).isEqualTo(4.0);
    }

    @Test
    void theGeneratorsStartDuringTheIdleWindowIsNotTakenOffItsRun() {
        // Just started, the generator compiled and connected for most of the idle window: 4 s of CPU in 5 s.
        CpuSample idleStart = sample(0, Map.of("responder", 5_000L), 0);
        CpuSample idleEnd = sample(5, Map.of("responder", 5_000L), 4_000);
        CpuSample runStart = sample(5, Map.of("responder", 5_000L), 4_000);
        CpuSample runEnd = sample(35, Map.of("responder", 8_000L), 4_900);

        List<Report.ProcessLoad> loads = Report.ProcessLoad.of(idleStart, idleEnd, runStart, runEnd, 300);

        assertThat(loads.get(1).name()).isEqualTo("load generator");
        assertThat(loads.get(1).perMessageMillis()).isEqualTo(3.0);
    }

    @Test
    void aProcessStartedAgainDuringTheRunIsNotCompared() {
        CpuSample start = sample(0, Map.of("responder", 1_000L), 0);
        CpuSample end = new CpuSample(20_000_000_000L, Map.of("responder", 777L), Map.of("responder", 50L), 0,
                new ProcessCpu.Machine(0, 0));

        List<Report.ProcessLoad> loads = Report.ProcessLoad.of(start, start, start, end, 10);

        assertThat(loads.get(0).restarted()).isTrue();
    }

    private static CpuSample sample(long seconds, Map<String, Long> millis, long self) {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        new java.util.TreeMap<>(millis).keySet().forEach(name -> pids.put(name, (long) name.length()));
        return new CpuSample(seconds * 1_000_000_000L, pids, new java.util.TreeMap<>(millis), self,
                new ProcessCpu.Machine(0, 0));
    }

    private Probe probe(String key, int status, long sentAt, long webhookAt, Answer... answers) {
        Probe probe = new Probe(key, Channel.LINE, true, "U1", 0);
        probe.sentAtMillis = sentAt;
        probe.webhookAtMillis = webhookAt;
        probe.status = status;
        probe.answers.addAll(List.of(answers));
        probes.add(probe);
        return probe;
    }

    private static Answer answer(long at, String text) {
        return new Answer(at, List.of(text));
    }
}
