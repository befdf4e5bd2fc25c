package io.casedesk.launcher;

import io.casedesk.infra.Directories;
import io.casedesk.infra.LocalPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code ./casedesk down}: stops the stack, and whatever an earlier one left running. */
@Command(name = "down", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = "Stop CaseDesk, and any process of it that an earlier run left behind.")
final class DownCommand extends StackCommand {

    @Option(names = "--wipe", description = "also delete all local data in .casedesk/ (the firm's records, Kafka, logs)")
    boolean wipe;

    @Override
    public Integer call() {
        StackSettings settings = settings();
        PrintWriter out = out();
        PrintWriter err = err();
        StackState state = new StackState(settings);
        Optional<ProcessHandle> supervisor = state.runningSupervisor();
        if (supervisor.isPresent()) {
            out.println("Stopping CaseDesk ...");
            supervisor.get().destroy();
            try {
                supervisor.get().onExit().get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                err.println("CaseDesk did not stop within 2 minutes: " + e.getMessage());
                return 1;
            }
        }
        // A supervisor that was killed, or did not finish stopping, leaves its processes and its state file behind.
        List<String> leftovers = state.stopLeftovers(Duration.ofSeconds(30));
        state.delete();
        if (!leftovers.isEmpty()) {
            out.println("Stopped what an earlier run left running: " + String.join(", ", leftovers));
        }
        out.println(supervisor.isPresent() || !leftovers.isEmpty() ? "Stopped." : "CaseDesk is not running.");
        if (wipe) {
            Directories.deleteRecursively(LocalPostgres.homeFor(settings.home().resolve("postgres")));
            Directories.deleteRecursively(settings.home());
            out.println("Deleted " + settings.home());
        }
        return 0;
    }
}
