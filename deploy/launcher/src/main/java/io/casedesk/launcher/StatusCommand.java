package io.casedesk.launcher;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** {@code ./casedesk status}: health, pid and memory of every part; exit 1 unless all are up. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Casedesk.Version.class,
        description = "Health, pid and memory of every part (exit code 1 unless every part is up).")
final class StatusCommand extends StackCommand {

    @Override
    public Integer call() {
        StackSettings settings = settings();
        PrintWriter out = out();
        StackState stackState = new StackState(settings);
        Properties state = stackState.read();
        if (state == null || stackState.runningSupervisor().isEmpty()) {
            out.println("CaseDesk is not running. Start it with ./casedesk up");
            return 1;
        }
        Map<String, String> health = new LinkedHashMap<>();
        health.put("line-simulator", settings.simulatorUrl() + "/simulator/health");
        LocalStack.SERVICES.forEach(s -> health.put(s, "http://127.0.0.1:" + state.getProperty("port." + s) + "/q/health/ready"));
        health.put(OdooDemo.CONNECTOR, "http://127.0.0.1:" + OdooDemo.CONNECTOR_PORT + "/q/health/ready");
        health.put(OdooDemo.STAND_IN, "http://127.0.0.1:" + OdooDemo.STAND_IN_PORT + "/standin/health");
        if (state.getProperty("firm") != null) {
            out.println("firm: " + state.getProperty("firm") + (state.getProperty("clock") == null ? ""
                    : ", business clock started at " + state.getProperty("clock")));
        }
        out.printf("%-16s %-8s %8s %10s  %s%n", "part", "health", "pid", "RSS (MiB)", "address");
        boolean allUp = true;
        for (String name : state.stringPropertyNames().stream().filter(k -> k.startsWith("pid.")).sorted()
                .map(k -> k.substring(4)).toList()) {
            long pid = Long.parseLong(state.getProperty("pid." + name));
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            String url = health.get(name);
            boolean up = alive && (url == null || ManagedProcess.isHealthy(url));
            allUp &= up;
            String address = url != null ? url.replaceAll("/(q|simulator|standin)/health.*", "")
                    : name.equals("kafka") ? settings.kafkaBootstrap() : settings.jdbcUrl("cases");
            out.printf("%-16s %-8s %8d %10s  %s%n", name, up ? "UP" : "DOWN", pid, Casedesk.rssMib(pid), address);
        }
        return allUp ? 0 : 1;
    }
}
