package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in {@code deploy/grafana} queries only metrics that exist: CaseDesk's own, as the services'
 * code registers them (Micrometer names with dots, in Prometheus with underscores), and the standard ones Quarkus
 * exposes (Kafka client, HTTP server, JVM).
 */
class GrafanaDashboardTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Path DASHBOARD = REPOSITORY.resolve("deploy/grafana/casedesk-dashboard.json");
    private static final List<String> SERVICES = List.of("case-service", "ingress-line", "ingress-email", "classifier",
            "responder", "handoff");

    /** Metrics Quarkus exposes with Micrometer: Kafka clients, HTTP server, JVM and process binders. */
    private static final Set<String> STANDARD = Set.of(
            "kafka_consumer_fetch_manager_records_consumed_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_producer_record_send_total",
            "kafka_producer_record_error_total",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "jvm_memory_used_bytes",
            "process_cpu_usage");

    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*)(?=\\s*[{\\[])|\\b(casedesk_[a-z0-9_]+)");
    private static final Pattern REGISTERED = Pattern.compile("(?:counter|builder|gauge|timer)\\(\\s*\"(casedesk\\.[a-z0-9_.]+)\"");
    /** A gauge whose name says it is a rate, ratio or average: a figure to compute in PromQL instead. */
    private static final Pattern PRECOMPUTED_GAUGE = Pattern.compile(
            "Gauge\\.builder\\(\\s*\"(casedesk\\.[a-z0-9_.]*(rate|ratio|average|avg|mean)[a-z0-9_.]*)\"");
    private static final Pattern PROMETHEUS_SUFFIX = Pattern.compile("(_seconds)?(_total|_count|_sum|_max|_bucket)?$");

    @Test
    void everyPanelQueriesMetricsThatExist() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> registered = registeredMetrics();
        assertThat(registered).as("metrics registered by the services").contains(
                "casedesk_responder_engine_fallbacks", "casedesk_responder_grounding_failures", "casedesk_responder_handoffs");

        List<JsonNode> panels = dashboard.path("panels").findParents("targets");
        assertThat(panels).hasSizeGreaterThan(10);
        Set<String> queried = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                List<String> metrics = metricsIn(expr);
                assertThat(metrics).as("metrics in '%s' of panel %s", expr, panel.path("title").asText()).isNotEmpty();
                for (String metric : metrics) {
                    queried.add(metric);
                    boolean known = STANDARD.contains(metric)
                            || registered.contains(PROMETHEUS_SUFFIX.matcher(metric).replaceFirst(""));
                    assertThat(known).as("%s in panel '%s' is neither registered by a service nor a standard Quarkus metric",
                            metric, panel.path("title").asText()).isTrue();
                }
            }
        }
        assertThat(queried).contains("casedesk_responder_engine_fallbacks_total", "casedesk_responder_grounding_failures_total",
                "casedesk_responder_handoffs_total", "casedesk_responder_answers_total",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_count");
        // Rates and averages are computed in PromQL from counters, over the dashboard's time range.
        assertThat(queried).contains("casedesk_handoff_conversations_total", "casedesk_handoff_conversations_handed_off_total",
                "casedesk_handoff_conversations_automated_total", "casedesk_handoff_conversations_automation_reverted_total",
                "casedesk_handoff_rating_sum", "casedesk_handoff_rating_count", "casedesk_handoff_first_response_seconds_bucket");
    }

    @Test
    void servicesExportCountersAndHistogramsNeitherClientSideQuantilesNorPrecomputedRates() {
        for (String service : SERVICES) {
            Path sources = REPOSITORY.resolve(service).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    String code = read(file);
                    assertThat(code).as("%s: quantiles computed in one pod cannot be aggregated; publishPercentileHistogram()",
                            REPOSITORY.relativize(file)).doesNotContain("publishPercentiles(");
                    Matcher gauge = PRECOMPUTED_GAUGE.matcher(code);
                    if (gauge.find()) {
                        throw new AssertionError(REPOSITORY.relativize(file) + ": gauge " + gauge.group(1)
                                + " reads NaN with nothing to count; export counters and compute it in PromQL");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void panelIdsAreUniqueAndEveryQueryUsesTheDashboardsDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s", panel.path("id")).isTrue();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        assertThat(dashboard.path("uid").asText()).isEqualTo("casedesk-overview");
    }

    /** Metric names in a PromQL expression: names before a selector or range, and every casedesk_ name. */
    static List<String> metricsIn(String expr) {
        Set<String> functions = Set.of("rate", "increase", "sum", "max", "min", "avg", "by", "histogram_quantile", "without");
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(expr.replaceAll("\\{[^}]*}", "{}"));
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (!functions.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** casedesk.* meter names the services register, as Prometheus names without unit and type suffixes. */
    private static Set<String> registeredMetrics() {
        Set<String> names = new HashSet<>();
        for (String service : SERVICES) {
            Path sources = REPOSITORY.resolve(service).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    Matcher matcher = REGISTERED.matcher(read(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1).replace('.', '_'));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
