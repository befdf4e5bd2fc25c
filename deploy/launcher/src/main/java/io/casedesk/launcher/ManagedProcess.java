package io.casedesk.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack (a service or the simulator), with its log file and health URL; started again with the
 * same command when it died ({@link #restart()}).
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private volatile Process process;
    private final String healthUrl;
    private final Path log;

    private ManagedProcess(String name, List<String> command, Process process, String healthUrl, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.healthUrl = healthUrl;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, String healthUrl, Path log) {
        return new ManagedProcess(name, command, launch(name, command, log), healthUrl, log);
    }

    private static Process launch(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a process that has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Starts the process again with the same command and log, once it has ended. */
    synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = launch(name, command, log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until the health URL answers 200, failing early when the process exits. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (isHealthy(healthUrl)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    static boolean isHealthy(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully (consumers commit, producers flush); then force. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
