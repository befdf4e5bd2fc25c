package io.casedesk.launcher;

import io.casedesk.launcher.probe.ProbeFile;
import io.casedesk.launcher.probe.ProbeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@code ./casedesk probe}: sends a file of probes through the running stack and judges every answer. */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = {"Send a file of probes (messages with what their answers must and must not "
        + "say, and whether a person must take over) through the running stack's LINE simulator and mail server, "
        + "and print PASS or FAIL for each with the reasons, and a total. Exit code 1 when any fails.",
        "The stack must run the probe file's firm and business clock: ./casedesk up --detach --bundle <its bundle> "
                + "--clock <its clock>. The firm's bundle is imported again first, so its records are as written."})
final class ProbeCommand extends StackCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the probes, e.g. deploy/demo-data/probes-demo.json")
    Path file;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3",
            description = "writers probed at the same time (default ${DEFAULT-VALUE}); one writer's probes go in order")
    int parallel;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "40",
            description = "seconds to wait for each answer (default ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = {"-v", "--verbose"}, description = "print every answer, not only those of failing probes")
    boolean verbose;

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 32) {
            throw usageError("--parallel takes 1 to 32 (got " + parallel + ")");
        }
        if (timeout < 1) {
            throw usageError("--timeout takes a number of seconds above 0 (got " + timeout + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw usageError(file + ": no such file");
        }
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        ProbeFile probes = ProbeFile.read(file);
        StackState state = new StackState(settings);
        String restart = "./casedesk down && ./casedesk up --detach --bundle "
                + (probes.bundleFile() != null ? probes.bundleFile() : "<the probe file's bundle>")
                + (probes.clock() != null ? " --clock " + probes.clock() : "");
        if (state.runningSupervisor().isEmpty()) {
            err.println("CaseDesk is not running. Start it for these probes with: " + restart.replace("./casedesk down && ", ""));
            return 1;
        }
        Optional<String> firm = state.firm();
        if (firm.isPresent() && !firm.get().equals(probes.firmName())) {
            err.println("The running stack holds " + firm.get() + "; the probes are written for " + probes.firmName()
                    + ". Start that firm with: " + restart + " (a .casedesk/ with another firm's data needs down --wipe)");
            return 1;
        }
        Optional<OffsetDateTime> clock = state.clock();
        if (probes.clock() != null && (clock.isEmpty() || !clock.get().toInstant().equals(probes.clock().toInstant()))) {
            err.println("The probes are written for the business time " + probes.clock() + "; the running stack "
                    + clock.map(c -> "started its clock at " + c).orElse("runs on the real time") + ". Restart it with: "
                    + restart);
            return 1;
        }
        out.println("Importing " + probes.firmName() + " again, so its records are as the probes were written ...");
        importBundle(settings, probes);
        out.printf("Sending %d probes (%d writers at a time, %d s each at most) ...%n", probes.probes().size(), parallel,
                timeout);
        List<ProbeResult> results;
        try (ProbeRunner runner = new ProbeRunner(settings, new ProbeRunner.Options(parallel, Duration.ofSeconds(timeout)))) {
            results = runner.run(probes, result -> {
                result.print(out, verbose);
                out.flush();
            });
        }
        out.println();
        out.println(ProbeResult.summary(results));
        return results.stream().allMatch(ProbeResult::passed) ? 0 : 1;
    }

    private static void importBundle(StackSettings settings, ProbeFile probes) {
        LocalStack stack = new LocalStack(settings, line -> { });
        if (probes.bundleFile() != null) {
            stack.importBundle(probes.bundleFile());
            return;
        }
        try {
            Path inline = Files.createTempFile("casedesk-probe-bundle", ".json");
            try {
                Files.writeString(inline, probes.bundle().toString());
                stack.importBundle(inline);
            } finally {
                Files.deleteIfExists(inline);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
