package io.casedesk.cases.benchmark;

import io.casedesk.cases.ApiClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.casedesk.infra.test.PostgresTestResource;
import io.casedesk.infra.test.SharedInfrastructure;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the responder does for every message, under load: resolve the writer's identity, then list that
 * customer's open cases: two REST calls over loopback HTTP against the running service, with 100,000 customers
 * and 200,000 cases in the database. Open loop: operations start on a fixed schedule (500 per second) whether
 * or not earlier ones finished, and each latency is measured from its scheduled start, so a stall shows up in
 * the figures instead of slowing the load down (no coordinated omission).
 * <p>
 * The service runs as it runs in production, from its packaged jar in a JVM of its own
 * ({@code @QuarkusIntegrationTest}, test profile for the service keys), so the load generator's allocations and
 * garbage collections do not pause it; both still share this machine's cores with PostgreSQL.
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
    /** Seeded rows are recognisable by these prefixes and removed afterwards. */
    private static final String REF_PREFIX = "BENCH-C";
    private static final String CASE_PREFIX = "BENCH-K";
    private static final String LINE_PREFIX = "Ubench";

    @TestHTTPResource("/")
    URI baseUri;

    /**
     * HTTP/2 (cleartext, upgraded on the first request): all requests share one connection. Over HTTP/1.1 the
     * client opens a connection per request in flight, and a short stall then piles up thousands of sockets.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

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
        }
        System.out.printf("Seeded %,d customers and %,d cases in %d ms%n", CUSTOMERS, CUSTOMERS * CASES_PER_CUSTOMER,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    void removeSeededRows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from cases where number like '" + CASE_PREFIX + "%'");
            statement.execute("delete from customers where ref like '" + REF_PREFIX + "%'");
        }
    }

    @Test
    void resolveIdentityAndListOpenCases() {
        AtomicInteger failures = new AtomicInteger();
        // Gently at first: a cold JIT at full rate builds a backlog that the measured run would inherit.
        run(WARM_UP_RATE_PER_SECOND, WARM_UP, failures);
        run(RATE_PER_SECOND, WARM_UP.dividedBy(2), failures);
        failures.set(0);
        long[] latencies = run(RATE_PER_SECOND, MEASURED, failures);

        Arrays.sort(latencies);
        System.out.printf("Resolve identity + list open cases, %d/s open loop, %d s, %,d operations, %d failed:%n"
                        + "  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (target p99 <= 5 ms: %s)%n",
                RATE_PER_SECOND, MEASURED.toSeconds(), latencies.length, failures.get(),
                millis(percentile(latencies, 50)), millis(percentile(latencies, 90)), millis(percentile(latencies, 99)),
                millis(percentile(latencies, 99.9)), millis(latencies[latencies.length - 1]),
                percentile(latencies, 99) <= TimeUnit.MILLISECONDS.toNanos(5) ? "met" : "NOT met");
        assertThat(failures.get()).isZero();
    }

    /** Starts {@code rate} operations a second for {@code duration}; their latencies in nanoseconds. */
    private long[] run(int rate, Duration duration, AtomicInteger failures) {
        int operations = (int) (duration.toSeconds() * rate);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[operations];
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(operations);
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int operation = i;
            int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
            inFlight.add(get("/api/v1/identities/line/" + lineUserId(customer))
                    .thenCompose(identity -> get("/api/v1/customers/" + ref(customer) + "/cases"))
                    .handle((cases, error) -> {
                        latencies[operation] = System.nanoTime() - scheduled;
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            // Operations still running count as failed, with the time waited so far as their latency.
            for (int i = 0; i < operations; i++) {
                if (!inFlight.get(i).isDone()) {
                    failures.incrementAndGet();
                    latencies[i] = System.nanoTime() - (start + i * interval);
                }
            }
        }
        return latencies;
    }

    private CompletableFuture<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Authorization", "Bearer " + ApiClient.RESPONDER_KEY)
                .header("Accept", "application/json")
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + path);
            }
            return response.body();
        });
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
