package io.casedesk.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ./casedesk up} leaves in {@code .casedesk/} for the other commands: the running stack
 * ({@code stack.properties}: the supervisor, every process with its start time, ports, the firm and the clock; removed
 * when the stack stops) and whose data the directory holds ({@code firm.properties}: kept until {@code down --wipe}).
 */
final class StackState {

    static final String STATE_FILE = "stack.properties";
    static final String FIRM_FILE = "firm.properties";

    /** One process the state file names. */
    record Part(String name, long pid, Instant started) {
    }

    /** The firm whose records a {@code .casedesk/} directory holds. */
    record Firm(String name, Path bundle) {
    }

    private final StackSettings settings;

    StackState(StackSettings settings) {
        this.settings = settings;
    }

    /** Written once the stack is healthy, by the process that supervises it. */
    void write(Map<String, Long> pids, StackOptions options, String firmName) {
        Properties state = new Properties();
        state.setProperty("supervisor", String.valueOf(ProcessHandle.current().pid()));
        pids.forEach((name, pid) -> {
            state.setProperty("pid." + name, String.valueOf(pid));
            // With its start time, a process is recognised even after its pid was given to another one.
            startOf(pid).ifPresent(start -> state.setProperty("started." + name, String.valueOf(start.toEpochMilli())));
        });
        state.setProperty("port.case-service", String.valueOf(settings.caseServicePort()));
        state.setProperty("port.ingress-line", String.valueOf(settings.ingressLinePort()));
        state.setProperty("port.ingress-email", String.valueOf(settings.ingressEmailPort()));
        state.setProperty("port.classifier", String.valueOf(settings.classifierPort()));
        state.setProperty("port.responder", String.valueOf(settings.responderPort()));
        state.setProperty("port.handoff", String.valueOf(settings.handoffPort()));
        if (options.bundle() != null) {
            state.setProperty("bundle", options.bundle().toString());
        }
        if (firmName != null) {
            state.setProperty("firm", firmName);
        }
        if (options.clock() != null) {
            state.setProperty("clock", options.clock().toString());
        }
        store(state, settings.home().resolve(STATE_FILE), "CaseDesk local stack: written by ./casedesk up, removed when it stops");
    }

    /** The state of the last {@code up}, or {@code null} when there is none. */
    Properties read() {
        return load(settings.home().resolve(STATE_FILE));
    }

    boolean exists() {
        return Files.exists(settings.home().resolve(STATE_FILE));
    }

    void delete() {
        try {
            Files.deleteIfExists(settings.home().resolve(STATE_FILE));
        } catch (IOException ignored) {
            // Stale state is recognised by its dead supervisor pid.
        }
    }

    /** The supervising {@code ./casedesk up} process, when it is still running. */
    Optional<ProcessHandle> runningSupervisor() {
        Properties state = read();
        if (state == null || state.getProperty("supervisor") == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(state.getProperty("supervisor"))).filter(ProcessHandle::isAlive);
    }

    /** The business clock the running stack was started with, if any. */
    Optional<OffsetDateTime> clock() {
        Properties state = read();
        return state == null || state.getProperty("clock") == null ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(state.getProperty("clock")));
    }

    /** The firm the running stack imported, if the state names one. */
    Optional<String> firm() {
        Properties state = read();
        return Optional.ofNullable(state == null ? null : state.getProperty("firm"));
    }

    /**
     * The processes of the state file that are still alive and still the ones the stack started (same pid, same start
     * time).
     */
    List<Part> leftovers() {
        Properties state = read();
        List<Part> alive = new ArrayList<>();
        if (state == null) {
            return alive;
        }
        for (String key : state.stringPropertyNames()) {
            if (!key.startsWith("pid.")) {
                continue;
            }
            String name = key.substring(4);
            long pid = Long.parseLong(state.getProperty(key));
            String started = state.getProperty("started." + name);
            Instant recorded = started == null ? null : Instant.ofEpochMilli(Long.parseLong(started));
            if (recorded != null && startOf(pid).filter(actual -> sameStart(actual, recorded)).isPresent()) {
                alive.add(new Part(name, pid, recorded));
            }
        }
        return alive;
    }

    /**
     * Stops processes left by a stack whose supervisor is gone (killed, or its terminal closed): the services first,
     * then the broker, then the database; each is asked to stop, and killed after {@code patience}.
     *
     * @return the parts stopped, as "name (pid n)"
     */
    List<String> stopLeftovers(Duration patience) {
        List<String> stopped = new ArrayList<>();
        Map<Integer, List<Part>> byOrder = new TreeMap<>();
        leftovers().forEach(part -> byOrder.computeIfAbsent(stopOrder(part.name()), o -> new ArrayList<>()).add(part));
        for (List<Part> group : byOrder.values()) {
            List<ProcessHandle> stopping = new ArrayList<>();
            for (Part part : group) {
                ProcessHandle.of(part.pid()).ifPresent(process -> {
                    process.destroy();
                    stopping.add(process);
                    stopped.add(part.name() + " (pid " + part.pid() + ")");
                });
            }
            Instant deadline = Instant.now().plus(patience);
            for (ProcessHandle process : stopping) {
                try {
                    process.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                            TimeUnit.MILLISECONDS);
                } catch (Exception notYet) {
                    process.destroyForcibly();
                }
            }
        }
        return stopped;
    }

    /** The firm whose records {@code .casedesk/} holds: the marker, else the demo firm when data exist without one. */
    Optional<Firm> firmOfData() {
        Properties marker = load(settings.home().resolve(FIRM_FILE));
        if (marker != null && marker.getProperty("name") != null) {
            String bundle = marker.getProperty("bundle");
            return Optional.of(new Firm(marker.getProperty("name"), bundle == null ? null : Path.of(bundle)));
        }
        Path data = io.casedesk.infra.LocalPostgres.homeFor(settings.home().resolve("postgres")).resolve("data/PG_VERSION");
        if (Files.exists(data)) {
            // Data written before the marker existed can only be the demo firm's.
            Path demo = Casedesk.demoBundle(settings.repository());
            return Optional.of(new Firm(Bundles.firmName(demo), demo));
        }
        return Optional.empty();
    }

    /** Marks {@code .casedesk/} as holding this firm's records. */
    void markFirm(String name, Path bundle) {
        Properties marker = new Properties();
        marker.setProperty("name", name);
        marker.setProperty("bundle", bundle.toString());
        store(marker, settings.home().resolve(FIRM_FILE),
                "The firm whose records this directory holds: ./casedesk up --bundle refuses another (./casedesk down --wipe)");
    }

    static Optional<Instant> startOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
    }

    /** /proc gives start times in clock ticks: the same process may read a few milliseconds apart. */
    private static boolean sameStart(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Duration.ofSeconds(1)) < 0;
    }

    /** Services first, so they can still flush to the broker; the broker, then the database, last. */
    private static int stopOrder(String name) {
        return switch (name) {
            case "kafka" -> 1;
            case "postgres" -> 2;
            default -> 0;
        };
    }

    private static void store(Properties properties, Path file, String comment) {
        try {
            Files.createDirectories(file.getParent());
            // Written aside and moved into place: the state is rewritten while the stack runs (a part started again),
            // and a reader (status, bench) must never see half a file.
            Path written = file.resolveSibling(file.getFileName() + ".new");
            try (var out = Files.newBufferedWriter(written)) {
                properties.store(out, comment);
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            return null;
        }
    }
}
