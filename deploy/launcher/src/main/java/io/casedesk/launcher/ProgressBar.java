package io.casedesk.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Progress of a long replay on stderr: one line redrawn in place on a terminal; on a pipe or in a log, a plain
 * line every few seconds and one at the end, so logs stay readable. Shows counts only, never record contents.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

    private final PrintStream out;
    private final String label;
    private final boolean interactive;
    private final long plainIntervalNanos;
    private final long started = System.nanoTime();
    private long total;
    private long done;
    private long lastPrinted = Long.MIN_VALUE;
    private boolean closed;

    ProgressBar(PrintStream out, String label, long total, boolean interactive, Duration plainInterval) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 0);
        this.interactive = interactive;
        this.plainIntervalNanos = plainInterval.toNanos();
    }

    /** A bar on stderr, redrawn in place when stderr is a terminal. */
    static ProgressBar onStderr(String label, long total) {
        return new ProgressBar(System.err, label, total, stderrIsTerminal(), Duration.ofSeconds(5));
    }

    synchronized void total(long total) {
        this.total = Math.max(total, 0);
        draw(false);
    }

    synchronized void advance(long by) {
        set(done + by);
    }

    synchronized void set(long done) {
        this.done = done;
        draw(false);
    }

    synchronized long done() {
        return done;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            draw(true);
            if (interactive) {
                out.println();
            }
            out.flush();
            closed = true;
        }
    }

    private void draw(boolean last) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long interval = interactive ? REDRAW_NANOS : plainIntervalNanos;
        if (!last && lastPrinted != Long.MIN_VALUE && now - lastPrinted < interval) {
            return;
        }
        if (!interactive && !last && lastPrinted == Long.MIN_VALUE) {
            lastPrinted = now; // a short run prints its final line only
            return;
        }
        lastPrinted = now;
        String line = render(Duration.ofNanos(now - started));
        if (interactive) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    String render(Duration elapsed) {
        long shown = Math.min(done, Math.max(total, done));
        int percent = total == 0 ? 100 : (int) Math.min(100, shown * 100 / total);
        int filled = percent * WIDTH / 100;
        return String.format("%s [%s%s] %d/%d %3d%% %ds", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                shown, total, percent, elapsed.toSeconds());
    }

    /** Whether file descriptor 2 is a terminal (Linux); elsewhere, whether the JVM has a console. */
    static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String name = target.toString();
            return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
