package io.casedesk.launcher.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The running local stack as {@code ./casedesk up} recorded it in {@code .casedesk/stack.properties}: the supervisor's
 * pid, each part's pid and each service's port. A part the stack started again after it died has a new pid, found
 * among the supervisor's children by its command line.
 */
final class StackState {

    static final String FILE = "stack.properties";

    private final long supervisor;
    private final Map<String, Long> pids;
    private final Map<String, Integer> ports;

    StackState(long supervisor, Map<String, Long> pids, Map<String, Integer> ports) {
        this.supervisor = supervisor;
        this.pids = new TreeMap<>(pids);
        this.ports = new TreeMap<>(ports);
    }

    /** The state of a running stack, or empty when none is running. */
    static Optional<StackState> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        StackState state = parse(properties);
        return ProcessHandle.of(state.supervisor).filter(ProcessHandle::isAlive).map(alive -> state);
    }

    static StackState parse(Properties properties) {
        Map<String, Long> pids = new TreeMap<>();
        Map<String, Integer> ports = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith("pid.")) {
                pids.put(key.substring(4), Long.parseLong(value));
            } else if (key.startsWith("port.")) {
                ports.put(key.substring(5), Integer.parseInt(value));
            }
        }
        String supervisor = properties.getProperty("supervisor");
        return new StackState(supervisor == null ? -1 : Long.parseLong(supervisor.trim()), pids, ports);
    }

    /** Every part by name (kafka, postgres, line-simulator, the services), in name order. */
    Map<String, Long> recordedPids() {
        return pids;
    }

    Optional<Integer> port(String service) {
        return Optional.ofNullable(ports.get(service));
    }

    /**
     * The pid of a part now: the recorded one while it runs, else the supervisor's child started again for it (a
     * service's command line names its module's jar), else empty.
     */
    Optional<Long> currentPid(String name) {
        Long recorded = pids.get(name);
        if (recorded != null && ProcessHandle.of(recorded).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(recorded);
        }
        String jar = "/" + name + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.of(supervisor).stream()
                .flatMap(ProcessHandle::children)
                .filter(child -> child.isAlive() && child.info().arguments()
                        .map(arguments -> java.util.Arrays.stream(arguments).anyMatch(a -> a.endsWith(jar)))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }
}
