package io.casedesk.ingress.line.bench;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.line.LineSimulatorTestResource;
import io.casedesk.ingress.line.ServiceReadiness;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.Webhook;
import io.casedesk.linesimulator.WebhookSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook acknowledgement latency under a fixed request rate, against the real service, the real broker and the
 * LINE simulator, on loopback. Open loop: each request is sent at its scheduled time whether or not earlier
 * ones were answered, and its latency counts from that scheduled time, so a stalled service cannot hide its
 * queueing. The service runs from its packaged jar in a JVM of its own, as in production
 * ({@code @QuarkusIntegrationTest}, test profile for the dev channel secret), so the load generator's
 * allocations and garbage collections do not pause it. Not part of the normal build; run it with
 * {@code ./mvnw -B -o verify -pl ingress-line -Dbenchmark}.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
class WebhookLoadBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(10);
    private static final Duration PHASE = Duration.ofSeconds(20);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    @TestHTTPResource("/line/webhook")
    URI webhookUrl;

    private final LineSimulator line = LineSimulatorTestResource.simulator();
    /**
     * The load generator's client: Vert.x's, one event loop and a pool of keep-alive HTTP/1.1 connections. It shares
     * the cores with the service, so it has to be lean: the JDK's client cost several times the CPU per request here.
     */
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(128));

    @AfterEach
    void closeClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** What one phase measured; latencies in microseconds from each request's scheduled send time. */
    record Result(int rate, int sent, int ok, int notOk, int errors, long[] latencyMicros, double achievedPerSecond) {

        String describe() {
            long[] sorted = Arrays.stream(latencyMicros).filter(l -> l >= 0).sorted().toArray();
            return String.format(Locale.ROOT,
                    "%5d rps target: %6d sent, %6d x 200, %d other status, %d errors; achieved %.0f rps;"
                            + " ack latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                    rate, sent, ok, notOk, errors, achievedPerSecond, percentile(sorted, 50), percentile(sorted, 99),
                    percentile(sorted, 99.9), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }

    @Test
    void acknowledgementLatencyAt200And1000RequestsPerSecond() throws Exception {
        line.webhookUrl(webhookUrl);
        ServiceReadiness.awaitReady();

        run(200, WARMUP);
        List<Result> results = new ArrayList<>();
        results.add(run(200, PHASE));
        results.add(run(1000, PHASE));

        System.out.printf("%n=== WebhookLoadBenchmark (%d cores, loopback, signed text webhooks, 1 event each) ===%n",
                Runtime.getRuntime().availableProcessors());
        results.forEach(result -> System.out.println(result.describe()));
        System.out.println("==========================================================================");
        assertThat(results).allSatisfy(result -> assertThat(result.ok()).isPositive());
    }

    /** Posts {@code rate} signed webhooks a second for {@code duration}, open loop, and waits for the answers. */
    private Result run(int rate, Duration duration) throws Exception {
        int count = (int) (rate * duration.toSeconds());
        // Built and signed ahead, so the schedule measures the service, not this loop.
        List<Buffer> bodies = new ArrayList<>(count);
        List<MultiMap> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Webhook webhook = line.textMessage(LineSimulatorTestResource.CUSTOMER.userId(), "benchmark " + i);
            bodies.add(Buffer.buffer(webhook.body()));
            headers.add(MultiMap.caseInsensitiveMultiMap()
                    .add("Content-Type", "application/json; charset=utf-8")
                    .add(WebhookSigner.SIGNATURE_HEADER, line.sign(webhook.body())));
        }
        RequestOptions target = new RequestOptions().setMethod(HttpMethod.POST).setHost(webhookUrl.getHost())
                .setPort(webhookUrl.getPort()).setURI(webhookUrl.getPath()).setTimeout(10_000);
        long[] latencyMicros = new long[count];
        Arrays.fill(latencyMicros, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] lastAnswer = new long[1];
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * intervalNanos;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Future<Integer> status = http.request(new RequestOptions(target).setHeaders(headers.get(i)))
                    .compose(request -> request.send(bodies.get(index)))
                    // The answer is a status without a body: its status line is the acknowledgement.
                    .map(response -> response.statusCode());
            answers.add(status.toCompletionStage().toCompletableFuture()
                    .whenComplete((code, failure) -> {
                        long now = System.nanoTime();
                        latencyMicros[index] = (now - scheduled) / 1000;
                        synchronized (lastAnswer) {
                            lastAnswer[0] = Math.max(lastAnswer[0], now);
                        }
                        if (failure != null) {
                            errors.incrementAndGet();
                        } else if (code == 200) {
                            ok.incrementAndGet();
                        } else {
                            notOk.incrementAndGet();
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(DRAIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception unanswered) {
            // Counted below: requests without an answer have no latency and are neither ok nor failed.
        }
        double elapsedSeconds;
        synchronized (lastAnswer) {
            elapsedSeconds = (lastAnswer[0] - start) / 1e9;
        }
        return new Result(rate, count, ok.get(), notOk.get(), errors.get(), latencyMicros,
                elapsedSeconds <= 0 ? 0 : (ok.get() + notOk.get()) / elapsedSeconds);
    }
}
