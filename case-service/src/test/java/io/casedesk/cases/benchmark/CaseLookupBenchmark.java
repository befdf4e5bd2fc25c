package io.casedesk.cases.benchmark;

import io.casedesk.cases.ApiClient;
import io.casedesk.cases.service.IdentityCaseLookup;
import io.casedesk.infra.test.PostgresTestResource;
import io.casedesk.infra.test.SharedInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the responder does for every message, under load: resolve the writer's LINE identity and list that
 * customer's open cases, against the running service with 100,000 customers and 200,000 cases in the database.
 * By default one call, {@code GET /identities/line/{id}/customer} (what the responder makes);
 * {@code -Dbenchmark.operation=two-calls} measures the earlier pair, identity then {@code /customers/{ref}/cases},
 * for comparison. Open loop: operations start on a fixed schedule (500 per second) whether or not earlier ones
 * finished, and each latency is measured from its scheduled start, so a stall shows up in the figures instead of
 * slowing the load down (no coordinated omission).
 * <p>
 * The service runs as it runs in production, from its packaged jar in a JVM of its own
 * ({@code @QuarkusIntegrationTest}, test profile for the service keys, JVM options from
 * {@code quarkus.test.arg-line}), so the load generator's allocations and garbage collections do not pause it;
 * both still share this machine's cores with PostgreSQL and Kafka. The load generator is kept lean, since its CPU
 * time is taken from those same cores: one Vert.x event loop, a pool of keep-alive HTTP/1.1 connections, request
 * paths and headers built before the run, response bodies checked and dropped. Besides the latencies it prints the
 * load average and, from the service's own metrics, its CPU time, allocation and GC pauses per operation.
 * <p>
 * Not part of the normal build; run it with
 * {@code ./mvnw -B -o verify -pl case-service -Dbenchmark -Dit.test=CaseLookupBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
class CaseLookupBenchmark {

    private static final int CUSTOMERS = 100_000;
    private static final int CASES_PER_CUSTOMER = 2;
    private static final int RATE_PER_SECOND = 500;
    private static final int WARM_UP_RATE_PER_SECOND = 100;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Connections kept open to the service; a request waits for a free one when all are busy. */
    private static final int CONNECTIONS = 16;
    /** Seeded rows are recognisable by these prefixes and removed afterwards. */
    private static final String REF_PREFIX = "BENCH-C";
    private static final String CASE_PREFIX = "BENCH-K";
    private static final String LINE_PREFIX = "Ubench";
    private static final String TWO_CALLS = "two-calls";

    @TestHTTPResource("/")
    URI baseUri;

    private final boolean twoCalls = TWO_CALLS.equals(System.getProperty("benchmark.operation"));
    private final MultiMap headers = HttpHeaders.headers()
            .add(HttpHeaders.AUTHORIZATION, HttpHeaders.createOptimized("Bearer " + ApiClient.RESPONDER_KEY))
            .add(HttpHeaders.ACCEPT, HttpHeaders.createOptimized("application/json"));
    private final MultiMap metricsHeaders = HttpHeaders.headers().add(HttpHeaders.ACCEPT, "text/plain");
    private final String[] customerPaths = new String[CUSTOMERS];
    private final String[] identityPaths = new String[CUSTOMERS];
    private final String[] casesPaths = new String[CUSTOMERS];
    private Vertx vertx;
    private HttpClient http;

    @BeforeAll
    void seed() throws SQLException, IOException {
        removeSeededRows();
        long started = System.nanoTime();
        StringBuilder customers = new StringBuilder();
        StringBuilder identities = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        LocalDate firstDate = LocalDate.of(2027, 1, 1);
        for (int i = 0; i < CUSTOMERS; i++) {
            long id = customerId(i);
            customers.append(id).append('\t').append(ref(i)).append("\tBenchmark Customer ").append(i)
                    .append("\t{\"en\": \"Dear customer\"}\ten\n");
            identities.append(id).append("\tline\t").append(lineUserId(i)).append("\tt\n");
            for (int c = 0; c < CASES_PER_CUSTOMER; c++) {
                // One open and one closed case each, so that listing open cases has something to filter.
                String status = c == 0 ? "in_progress" : "closed";
                cases.append(CASE_PREFIX).append(i).append('-').append(c).append('\t').append(id)
                        .append("\tBenchmark matter\tcivil\t").append(status).append("\t2026-01-15\t")
                        .append(firstDate.plusDays((i + c) % 365)).append("\tHearing\n");
            }
            customerPaths[i] = "/api/v1/identities/line/" + lineUserId(i) + "/customer";
            identityPaths[i] = "/api/v1/identities/line/" + lineUserId(i);
            casesPaths[i] = "/api/v1/customers/" + ref(i) + "/cases";
        }
        try (Connection connection = connect()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy customers (id, ref, name, salutation, language) from stdin",
                    new StringReader(customers.toString()));
            copy.copyIn("copy channel_identities (customer_id, channel, external_id, verified) from stdin",
                    new StringReader(identities.toString()));
            copy.copyIn("copy cases (number, customer_id, title, type, status, opened_at, next_step_date, "
                    + "next_step_description) from stdin", new StringReader(cases.toString()));
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze customers, channel_identities, cases");
            }
            printPlan(connection);
        }
        System.out.printf("Seeded %,d customers and %,d cases in %d ms%n", CUSTOMERS, CUSTOMERS * CASES_PER_CUSTOMER,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        http = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true)
                        .setDefaultHost(baseUri.getHost()).setDefaultPort(baseUri.getPort()),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    }

    @AfterAll
    void removeSeededRows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from cases where number like '" + CASE_PREFIX + "%'");
            statement.execute("delete from customers where ref like '" + REF_PREFIX + "%'");
        }
    }

    @AfterAll
    void closeClient() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void resolveIdentityAndListOpenCases() throws Exception {
        // The shape once, so that the load below is known to fetch the right thing.
        String answer = await(get(customerPaths[7]).map(Buffer::toString));
        assertThat(answer).startsWith("{\"customerRef\":\"" + ref(7) + "\"")
                .contains("\"number\":\"" + CASE_PREFIX + "7-0\"").doesNotContain(CASE_PREFIX + "7-1");

        AtomicInteger failures = new AtomicInteger();
        // Gently at first: a cold JIT at full rate builds a backlog that the measured run would inherit.
        run(WARM_UP_RATE_PER_SECOND, WARM_UP, failures);
        run(RATE_PER_SECOND, WARM_UP.dividedBy(2), failures);
        failures.set(0);
        String loadBefore = loadAverage();
        Map<String, Double> serviceBefore = serviceMetrics();
        long generatorCpuBefore = generatorCpuNanos();
        long[] latencies = run(RATE_PER_SECOND, MEASURED, failures);
        long generatorCpu = generatorCpuNanos() - generatorCpuBefore;
        Map<String, Double> serviceAfter = serviceMetrics();
        String loadAfter = loadAverage();
        int connections = serviceConnections();

        int operations = latencies.length;
        Arrays.sort(latencies);
        System.out.printf("Resolve identity + list open cases (%s), %d/s open loop, %d s, %,d operations, %d failed:%n"
                        + "  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (target p99 <= 5 ms: %s)%n",
                twoCalls ? "two calls" : "one call", RATE_PER_SECOND, MEASURED.toSeconds(), operations, failures.get(),
                millis(percentile(latencies, 50)), millis(percentile(latencies, 90)), millis(percentile(latencies, 99)),
                millis(percentile(latencies, 99.9)), millis(latencies[operations - 1]),
                percentile(latencies, 99) <= TimeUnit.MILLISECONDS.toNanos(5) ? "met" : "NOT met");
        System.out.printf("  per operation: service CPU %.0f us, service allocation %.1f KB, load generator CPU %.0f us;"
                        + " service GC: %.0f pauses, %.1f ms in all%n",
                delta(serviceBefore, serviceAfter, "process_cpu_time_ns_total") / operations / 1_000,
                delta(serviceBefore, serviceAfter, "jvm_gc_memory_allocated_bytes_total") / operations / 1024,
                generatorCpu / 1_000.0 / operations,
                delta(serviceBefore, serviceAfter, "jvm_gc_pause_seconds_count"),
                delta(serviceBefore, serviceAfter, "jvm_gc_pause_seconds_sum") * 1_000);
        System.out.printf("  service's PostgreSQL connections afterwards: %d%n", connections);
        System.out.printf("  load average before %s, after %s; service JVM options: %s%n", loadBefore, loadAfter,
                ConfigProvider.getConfig().getOptionalValue("quarkus.test.arg-line", String.class).orElse("(none)"));
        assertThat(failures.get()).isZero();
    }

    /** Starts {@code rate} operations a second for {@code duration}; their latencies in nanoseconds. */
    private long[] run(int rate, Duration duration, AtomicInteger failures) throws InterruptedException {
        int operations = (int) (duration.toSeconds() * rate);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLongArray latencies = new AtomicLongArray(operations);
        CountDownLatch finished = new CountDownLatch(operations);
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int operation = i;
            operation(ThreadLocalRandom.current().nextInt(CUSTOMERS)).onComplete(result -> {
                latencies.set(operation, System.nanoTime() - scheduled);
                if (result.failed()) {
                    failures.incrementAndGet();
                }
                finished.countDown();
            });
        }
        long[] measured = new long[operations];
        boolean drained = finished.await(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < operations; i++) {
            measured[i] = latencies.get(i);
            if (!drained && measured[i] == 0) {
                // Still running: failed, with the time waited so far as its latency.
                failures.incrementAndGet();
                measured[i] = System.nanoTime() - (start + i * interval);
            }
        }
        return measured;
    }

    private Future<Buffer> operation(int customer) {
        return twoCalls ? get(identityPaths[customer]).compose(identity -> get(casesPaths[customer]))
                : get(customerPaths[customer]);
    }

    private Future<Buffer> get(String path) {
        return get(path, headers);
    }

    private Future<Buffer> get(String path, MultiMap headers) {
        return http.request(new RequestOptions().setURI(path).setHeaders(headers))
                .compose(request -> request.send().compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode() + " for " + path)));
    }

    /** The service's counters from its Prometheus endpoint, each summed over its tags. */
    private Map<String, Double> serviceMetrics() throws Exception {
        Map<String, Double> totals = new HashMap<>();
        for (String line : await(get("/q/metrics", metricsHeaders).map(Buffer::toString)).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int nameEnd = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            totals.merge(line.substring(0, nameEnd), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                    Double::sum);
        }
        return totals;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, Double.NaN) - before.getOrDefault(name, Double.NaN);
    }

    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The plan PostgreSQL runs the endpoint's query with, on the seeded tables, to check its indexes. */
    private static void printPlan(Connection connection) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement(
                "explain (analyze, buffers, costs off, timing off) " + IdentityCaseLookup.OPEN_CASES)) {
            explain.setString(1, "line");
            explain.setString(2, lineUserId(CUSTOMERS / 2));
            StringBuilder plan = new StringBuilder("Plan of the lookup:\n");
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append("  ").append(rows.getString(1)).append('\n');
                }
            }
            System.out.print(plan);
        }
    }

    /** The connections the service holds open to its database (its pool), not counting this one. */
    private static int serviceConnections() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity "
                     + "where datname = current_database() and pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The database the service under test uses, as PostgresTestResource chose it. */
    private static Connection connect() throws SQLException {
        String external = System.getenv(PostgresTestResource.URL_ENV);
        if (external != null && !external.isBlank()) {
            return DriverManager.getConnection(external, System.getenv().getOrDefault(PostgresTestResource.USERNAME_ENV, "postgres"),
                    System.getenv().getOrDefault(PostgresTestResource.PASSWORD_ENV, ""));
        }
        return DriverManager.getConnection(SharedInfrastructure.postgres().jdbcUrl("cases"), "postgres", "");
    }

    private static long percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Far above the ids the import hands out, so seeded rows never collide with imported ones. */
    private static long customerId(int index) {
        return 900_000_000L + index;
    }

    private static String ref(int index) {
        return REF_PREFIX + index;
    }

    private static String lineUserId(int index) {
        return LINE_PREFIX + index;
    }
}
