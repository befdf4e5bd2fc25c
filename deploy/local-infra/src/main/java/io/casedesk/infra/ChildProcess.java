package io.casedesk.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers to run the programs the local infrastructure is made of. */
final class ChildProcess {

    /** The java launcher of the running JVM, so children use the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to completion, output appended to {@code log}; fails with the log's path on a non-zero exit. */
    static void run(List<String> command, Path log, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                // The log goes away with a test JVM's throw-away directory, so its end travels with the error.
                throw new IllegalStateException(command.get(0) + " failed with exit code " + process.exitValue()
                        + "; the end of " + log + ":\n" + tail(log, 30));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops a process politely (SIGTERM), then by force after {@code grace}. */
    static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }

    private ChildProcess() {
    }
}
