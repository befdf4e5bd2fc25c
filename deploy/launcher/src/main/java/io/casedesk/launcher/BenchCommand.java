package io.casedesk.launcher;

import io.casedesk.launcher.bench.BenchOptions;
import io.casedesk.launcher.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./casedesk bench [options]}: measures the running stack end to end. The options are {@link BenchOptions}'s
 * (which also reads them in its tests), so they are passed through as written rather than declared twice.
 */
@Command(name = "bench", description = "Measure the running stack: customers' LINE messages (and mail) in, answers out; "
        + "rate, latency percentiles, lost and twice-answered messages, CPU per message per service. ./casedesk bench --help "
        + "lists the options.")
final class BenchCommand extends StackCommand {

    @Unmatched
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        return Benchmark.main(settings(), arguments);
    }
}
