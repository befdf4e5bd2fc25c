package io.casedesk.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts a part of the local stack again when it died (a crash, the kernel's out-of-memory killer, a {@code kill -9}),
 * as a process supervisor or Kubernetes would: at most {@code maxRestarts} times in {@code window} for each part, so
 * that one that cannot start is not started forever.
 */
final class ProcessWatchdog implements Runnable {

    private final List<ManagedProcess> processes;
    private final Consumer<String> progress;
    private final Runnable afterRestart;
    private final int maxRestarts;
    private final Duration window;
    private final Duration interval;
    private final Map<String, Deque<Instant>> restarts = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private Thread thread;

    /** {@code afterRestart} runs after each part started again (its pid changed: the stack's state file says so). */
    ProcessWatchdog(List<ManagedProcess> processes, Consumer<String> progress, Runnable afterRestart, int maxRestarts,
            Duration window, Duration interval) {
        this.processes = processes;
        this.progress = progress;
        this.afterRestart = afterRestart;
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.interval = interval;
    }

    synchronized void start() {
        if (thread == null && !stopped) {
            thread = new Thread(this, "casedesk-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            for (ManagedProcess process : processes) {
                if (!stopped && !process.isAlive()) {
                    restart(process);
                }
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restart(ManagedProcess process) {
        Deque<Instant> times = restarts.computeIfAbsent(process.name(), name -> new ArrayDeque<>());
        Instant now = Instant.now();
        times.removeIf(at -> at.isBefore(now.minus(window)));
        if (times.size() >= maxRestarts) {
            return;
        }
        times.add(now);
        progress.accept(process.name() + " exited with code " + process.exitValue() + "; starting it again ("
                + times.size() + " of at most " + maxRestarts + " in " + window.toMinutes() + " minutes)");
        try {
            process.restart();
        } catch (RuntimeException e) {
            progress.accept("Cannot start " + process.name() + " again: " + e.getMessage());
            return;
        }
        try {
            afterRestart.run();
        } catch (RuntimeException e) {
            // The part runs; only its record is behind. The watchdog must go on watching.
            progress.accept("Started " + process.name() + " again, but could not record it: " + e.getMessage());
        }
    }

    /** Returns once no restart can happen any more, so that stopping the stack stops every process. */
    void stop() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
