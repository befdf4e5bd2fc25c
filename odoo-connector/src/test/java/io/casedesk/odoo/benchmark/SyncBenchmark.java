package io.casedesk.odoo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.odoo.support.CaseServiceUnderTest;
import io.casedesk.odoo.support.ConnectorProcess;
import io.casedesk.odoo.support.ServiceProcess;
import io.casedesk.odoostandin.DataGenerator;
import io.casedesk.odoostandin.OdooStandIn;
import io.casedesk.odoostandin.RecordStore;
import io.casedesk.odoostandin.StandInConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sync of a big firm: 10,000 partners and 20,000 tasks (with about 5,000 invoices) generated in a stand-in,
 * synced by the connector from its packaged jar (its own JVM, the container's heap settings) into a real
 * case-service. Prints the first run's time, the connector's peak heap (sampled from its metrics every 200 ms)
 * and peak RSS ({@code VmHWM}), and the times of a second incremental run and a full resync with nothing changed.
 * <pre>./mvnw -B -o verify -pl odoo-connector -am -Dbenchmark -Dit.test=SyncBenchmark -Dtest=none
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
class SyncBenchmark {

    private static final int PARTNERS = Integer.getInteger("benchmark.partners", 10_000);
    private static final int TASKS = Integer.getInteger("benchmark.tasks", 20_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern HEAP_USED = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.E+]+)");

    @Test
    void syncsTenThousandPartnersAndTwentyThousandTasks() throws Exception {
        RecordStore store = new RecordStore();
        Instant generating = Instant.now();
        DataGenerator.Summary data = DataGenerator.generate(store, PARTNERS, TASKS, 42);
        System.out.printf("generated %d partners, %d tasks, %d invoices in %d ms%n", data.partners(), data.tasks(),
                data.invoices(), Duration.between(generating, Instant.now()).toMillis());
        try (OdooStandIn standIn = OdooStandIn.start(StandInConfig.forTests(), store)) {
            CaseServiceUnderTest.get();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("casedesk.odoo.connection.url", standIn.baseUrl().toString());
            settings.put("casedesk.odoo.connection.database", standIn.config().database());
            settings.put("casedesk.odoo.connection.login", standIn.config().login());
            settings.put("casedesk.odoo.connection.api-key", standIn.config().apiKey());
            settings.put("casedesk.odoo.connection.protocol", System.getProperty("benchmark.protocol", "jsonrpc"));
            settings.put("casedesk.odoo.customer.line-user-id-field", "x_line_user_id");
            settings.put("casedesk.odoo.case.number-field", "x_case_number");
            settings.put("casedesk.odoo.sync.enabled", "false");
            settings.put("casedesk.odoo.connection.timeout", "60s");
            Path log = Path.of("target", "odoo-connector-benchmark.log");
            Files.deleteIfExists(log);
            try (ServiceProcess connector = ConnectorProcess.start("odoo_connector_bench_" + System.nanoTime(), settings,
                    log, "-XX:+UseSerialGC", "-Xmx256m")) {
                AtomicLong peakHeap = new AtomicLong();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(heapUsed(connector), Math::max), 0, 200,
                        TimeUnit.MILLISECONDS);
                try {
                    JsonNode first = runAndWait(connector, "incremental");
                    long rssPeak = procStatusKb(connector.pid(), "VmHWM");
                    JsonNode second = runAndWait(connector, "incremental");
                    JsonNode full = runAndWait(connector, "full");
                    System.out.printf("first sync: %s ms, %d read, %d changed, %d failed%n", millis(first),
                            first.path("read").asInt(), first.path("changed").asInt(), first.path("failed").asInt());
                    System.out.printf("connector peak heap (sampled) %.0f MB, peak RSS %d MB (max heap 256 MB, SerialGC)%n",
                            peakHeap.get() / 1e6, rssPeak / 1024);
                    System.out.printf("second run, nothing changed (incremental): %s ms, %d read, %d changed%n",
                            millis(second), second.path("read").asInt(), second.path("changed").asInt());
                    System.out.printf("full resync, nothing changed: %s ms, %d read, %d changed%n",
                            millis(full), full.path("read").asInt(), full.path("changed").asInt());
                    System.out.printf("stand-in calls: %s%n", standIn.calls());
                } finally {
                    sampler.shutdownNow();
                }
            }
        }
    }

    private static JsonNode runAndWait(ServiceProcess connector, String kind) throws Exception {
        String before = status(connector).path("lastRun").toString();
        send(HttpRequest.newBuilder(URI.create(connector.baseUrl() + "/api/v1/sync/" + kind))
                .header("Authorization", "Bearer " + ConnectorProcess.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode status = status(connector);
            if (!status.path("running").asBoolean() && !status.path("lastRun").toString().equals(before)) {
                JsonNode last = status.path("lastRun");
                if (!"succeeded".equals(last.path("outcome").asText())) {
                    throw new AssertionError("The " + kind + " run failed: " + last);
                }
                return last;
            }
        }
        throw new AssertionError("The " + kind + " run did not finish in 20 minutes");
    }

    private static JsonNode status(ServiceProcess connector) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(connector.baseUrl() + "/api/v1/sync/status"))
                .header("Authorization", "Bearer " + ConnectorProcess.ADMIN_KEY).build()));
    }

    private static String send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long millis(JsonNode run) {
        return Duration.between(Instant.parse(run.path("startedAt").asText()),
                Instant.parse(run.path("finishedAt").asText())).toMillis();
    }

    private static long heapUsed(ServiceProcess connector) {
        try {
            String metrics = send(HttpRequest.newBuilder(URI.create(connector.baseUrl() + "/q/metrics")).build());
            Matcher matcher = HEAP_USED.matcher(metrics);
            double sum = 0;
            while (matcher.find()) {
                sum += Double.parseDouble(matcher.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long procStatusKb(long pid, String field) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
