package io.casedesk.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.nullToEmpty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus scrapes in production (Prometheus Operator PodMonitors): every service's {@code /q/metrics}
 * under a job named after the service (the Grafana dashboard's "Service" variable), and PostgreSQL's exporter.
 */
class MonitoringTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod", PROD_ODOO_CONNECTOR})
    void everyServiceIsScrapedAtQMetricsUnderItsOwnJobName(String overlay) {
        Manifests prod = Manifests.render(overlay);
        List<PodMonitor> monitors = prod.typed(PodMonitor.class);
        assertThat(prod.deployments()).extracting(d -> d.getMetadata().getName()).as(overlay + " services")
                .containsExactlyInAnyOrderElementsOf(ServiceModule.deployedIn(prod).stream().map(ServiceModule::name).toList());
        TreeSet<String> jobs = new TreeSet<>();
        for (Deployment deployment : prod.deployments()) {
            String service = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<String> ports = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> nullToEmpty(c.getPorts()).stream()).map(ContainerPort::getName).toList();
            List<PodMonitor> scraping = monitors.stream().filter(m -> selects(m.getSpec().getSelector(), labels)).toList();
            assertThat(scraping).as(service + " is selected by exactly one PodMonitor").hasSize(1);
            PodMonitor monitor = scraping.get(0);
            assertThat(monitor.getSpec().getPodMetricsEndpoints()).as(service + " scraped at /q/metrics on a port of its own")
                    .anySatisfy(endpoint -> {
                        assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
                        assertThat(ports).contains(endpoint.getPort());
                    });
            String job = monitor.getSpec().getJobLabel() == null ? null : labels.get(monitor.getSpec().getJobLabel());
            assertThat(job).as(service + ": the job label, which the dashboard selects by").isEqualTo(service);
            jobs.add(job);
        }
        assertThat(jobs).as("one job per service").hasSize(prod.deployments().size());
    }

    @Test
    void postgresInstancesAreScrapedOnTheirExporter() {
        Manifests prod = Manifests.render("overlays/prod");
        Map<String, String> instance = Map.of("cnpg.io/cluster", "casedesk-pg", "cnpg.io/podRole", "instance");
        assertThat(prod.typed(PodMonitor.class)).as("a PodMonitor on the PostgreSQL instances").anySatisfy(monitor -> {
            assertThat(selects(monitor.getSpec().getSelector(), instance)).isTrue();
            assertThat(monitor.getSpec().getPodMetricsEndpoints()).extracting(PodMetricsEndpoint::getPort).contains("metrics");
        });
    }

    /** A label selector (matchLabels, and matchExpressions In and Exists) selects pods with these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : nullToEmpty(selector.getMatchExpressions())) {
            String value = labels.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
