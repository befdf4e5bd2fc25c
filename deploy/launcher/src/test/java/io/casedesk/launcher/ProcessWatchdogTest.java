package io.casedesk.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A part of the stack that dies is started again, a bounded number of times, and never after the stack stops. */
class ProcessWatchdogTest {

    @TempDir
    Path logs;
    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<Long> pidsAfterRestarts = new CopyOnWriteArrayList<>();
    private ProcessWatchdog watchdog;

    @AfterEach
    void stop() {
        if (watchdog != null) {
            watchdog.stop();
        }
        processes.forEach(ManagedProcess::stop);
    }

    @Test
    void aKilledProcessIsStartedAgainWithItsCommand() throws Exception {
        ManagedProcess sleeper = sleeper("responder");
        watchdog = watch(3);
        long first = sleeper.pid();

        kill(sleeper);

        assertThat(awaitAlive(sleeper)).isTrue();
        assertThat(sleeper.pid()).isNotEqualTo(first);
        assertThat(said).singleElement().asString()
                .startsWith("responder exited with code 137; starting it again (1 of at most 3 in 10 minutes)");
        // Told after the restart, when the new pid is there to record.
        for (int i = 0; i < 500 && pidsAfterRestarts.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(pidsAfterRestarts).containsExactly(sleeper.pid());
    }

    @Test
    void aProcessThatKeepsDyingIsLeftDownAfterTheLastRestart() throws Exception {
        ManagedProcess sleeper = sleeper("classifier");
        watchdog = watch(1);

        kill(sleeper);
        assertThat(awaitAlive(sleeper)).isTrue();
        kill(sleeper);
        Thread.sleep(500);

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(said).hasSize(1);
        assertThat(pidsAfterRestarts).hasSize(1);
    }

    @Test
    void nothingIsStartedAgainOnceTheWatchdogStopped() throws Exception {
        ManagedProcess sleeper = sleeper("handoff");
        watchdog = watch(3);

        watchdog.stop();
        kill(sleeper);
        Thread.sleep(500);

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(said).isEmpty();
    }

    private ManagedProcess sleeper(String name) {
        ManagedProcess process = ManagedProcess.start(name, List.of("sleep", "120"), "http://127.0.0.1:9/none",
                logs.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private ProcessWatchdog watch(int maxRestarts) {
        ProcessWatchdog started = new ProcessWatchdog(processes, said::add,
                () -> processes.forEach(process -> pidsAfterRestarts.add(process.pid())), maxRestarts,
                Duration.ofMinutes(10), Duration.ofMillis(20));
        started.start();
        return started;
    }

    private static void kill(ManagedProcess process) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static boolean awaitAlive(ManagedProcess process) throws InterruptedException {
        long first = process.pid();
        for (int i = 0; i < 500; i++) {
            if (process.isAlive() && process.pid() != first) {
                return true;
            }
            Thread.sleep(10);
        }
        return process.isAlive();
    }
}
