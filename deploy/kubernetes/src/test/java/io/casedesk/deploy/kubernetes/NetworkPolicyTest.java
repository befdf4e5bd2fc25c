package io.casedesk.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.DEV_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.nullToEmpty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CaseDesk pod is shut off by default, and the NetworkPolicies open exactly the ways each service
 * needs: DNS and Kafka for all, case-service for its callers, the database for its users, the Gateway's proxies
 * for what the HTTPRoutes lead to, Prometheus for the metrics.
 */
class NetworkPolicyTest {

    private static final Map<String, String> CNPG_PODS = Map.of("cnpg.io/cluster", "casedesk-pg");
    /** The container ports named "http": the services' HTTP ports. */
    private static final List<Integer> SERVICE_PORTS = ServiceModule.all().stream().map(ServiceModule::httpPort).toList();
    /** Where the Gateway's proxies run: Envoy Gateway's namespace (base/gateway/gateway.yaml). */
    private static final Map<String, String> GATEWAY_PROXIES = Map.of("kubernetes.io/metadata.name", "envoy-gateway-system");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyServiceIsDeniedByDefaultAndReachesDnsAndKafka(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> pod = podLabels(deployment);
            List<NetworkPolicy> policies = selecting(manifests, pod);
            String what = overlay + " " + deployment.getMetadata().getName();
            assertThat(policies).as(what + ": a policy denies everything not allowed").anySatisfy(policy -> {
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
                assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
            });
            assertThat(egressAllows(policies, peer -> matches(peer.getPodSelector(), Map.of("k8s-app", "kube-dns")), 53))
                    .as(what + " reaches DNS").isTrue();
            assertThat(egressAllows(policies, peer -> peer.getPodSelector() != null
                    && peer.getPodSelector().getMatchLabels().containsKey("strimzi.io/cluster"), 9092))
                    .as(what + " reaches the Kafka brokers").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void callersOfCaseServiceAndDatabaseUsersAreLetThroughOnBothSides(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Deployment caseService = manifests.find(Deployment.class, "case-service").orElseThrow();
        List<NetworkPolicy> caseServicePolicies = selecting(manifests, podLabels(caseService));
        List<NetworkPolicy> databasePolicies = selecting(manifests, CNPG_PODS);
        assertThat(databasePolicies).as("the database pods are guarded").isNotEmpty();
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> pod = podLabels(deployment);
            List<NetworkPolicy> policies = selecting(manifests, pod);
            List<String> env = nullToEmpty(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .stream().map(e -> e.getName()).toList();
            String what = overlay + " " + deployment.getMetadata().getName();
            boolean calls = env.contains("CASE_SERVICE_URL");
            assertThat(egressAllows(policies, peer -> matches(peer.getPodSelector(), podLabels(caseService)), 8086))
                    .as(what + " may reach case-service exactly when it calls it").isEqualTo(calls);
            assertThat(ingressAllows(caseServicePolicies, peer -> matches(peer.getPodSelector(), pod), 8086))
                    .as(what + " is let into case-service exactly when it calls it").isEqualTo(calls);
            boolean usesDatabase = env.contains("QUARKUS_DATASOURCE_USERNAME");
            assertThat(egressAllows(policies, peer -> matches(peer.getPodSelector(), CNPG_PODS), 5432))
                    .as(what + " may reach PostgreSQL exactly when it has a database").isEqualTo(usesDatabase);
            assertThat(ingressAllows(databasePolicies, peer -> matches(peer.getPodSelector(), pod), 5432))
                    .as(what + " is let into PostgreSQL exactly when it has a database").isEqualTo(usesDatabase);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void onlyTheFetcherOfAttachmentsReachesTheIngressesAndIsLetIn(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Map.Entry<String, String> ingress : Map.of("ingress-line", "INGRESS_LINE_URL",
                "ingress-email", "INGRESS_EMAIL_URL").entrySet()) {
            Deployment target = manifests.find(Deployment.class, ingress.getKey()).orElseThrow();
            int port = target.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            List<NetworkPolicy> targetPolicies = selecting(manifests, podLabels(target));
            for (Deployment deployment : manifests.deployments()) {
                Map<String, String> pod = podLabels(deployment);
                boolean fetches = nullToEmpty(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                        .stream().anyMatch(e -> e.getName().equals(ingress.getValue()));
                String what = overlay + " " + deployment.getMetadata().getName();
                assertThat(egressAllows(selecting(manifests, pod), peer -> matches(peer.getPodSelector(),
                        podLabels(target)), port)).as(what + " may reach " + ingress.getKey() + " exactly when it "
                        + "fetches attachments from it").isEqualTo(fetches);
                assertThat(ingressAllows(targetPolicies, peer -> matches(peer.getPodSelector(), pod), port))
                        .as(what + " is let into " + ingress.getKey() + " exactly when it fetches from it")
                        .isEqualTo(fetches);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void onlyWhatTheRoutesLeadToIsReachableFromTheGatewaysProxies(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<String> routed = manifests.typed(HTTPRoute.class).stream()
                .flatMap(r -> r.getSpec().getRules().stream())
                .flatMap(rule -> nullToEmpty(rule.getBackendRefs()).stream())
                .map(b -> b.getName()).distinct().toList();
        assertThat(routed).as(overlay + ": the routes lead to the webhook and the inbox")
                .containsExactlyInAnyOrder("ingress-line", "handoff");
        for (Deployment deployment : manifests.deployments()) {
            int port = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            boolean fromGateway = ingressAllows(selecting(manifests, podLabels(deployment)),
                    peer -> matches(peer.getNamespaceSelector(), GATEWAY_PROXIES), port);
            assertThat(fromGateway).as(overlay + " " + deployment.getMetadata().getName()
                    + " is reachable from the Gateway's proxies exactly when an HTTPRoute leads to it")
                    .isEqualTo(routed.contains(deployment.getMetadata().getName()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void prometheusReachesEveryServicesMetricsPort(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, String> monitoring = Map.of("kubernetes.io/metadata.name", "monitoring");
        for (Deployment deployment : manifests.deployments()) {
            int port = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            assertThat(ingressAllows(selecting(manifests, podLabels(deployment)), peer -> matches(peer.getNamespaceSelector(), monitoring), port))
                    .as(overlay + " " + deployment.getMetadata().getName() + ": Prometheus may scrape port " + port).isTrue();
        }
        assertThat(ingressAllows(selecting(manifests, CNPG_PODS), peer -> matches(peer.getNamespaceSelector(), monitoring), 9187))
                .as(overlay + ": Prometheus may scrape PostgreSQL's exporter").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void theOdooConnectorReachesTheOdooOfItsConfiguration(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        URI odoo = URI.create(manifests.configMaps().get("odoo-connector-config").get("ODOO_URL"));
        int port = odoo.getPort() != -1 ? odoo.getPort() : odoo.getScheme().equals("https") ? 443 : 80;
        Deployment connector = manifests.find(Deployment.class, "odoo-connector").orElseThrow();
        assertThat(egressAllows(selecting(manifests, podLabels(connector)), peer -> peer.getIpBlock() != null, port))
                .as(overlay + ": the connector reaches " + odoo + " on port " + port).isTrue();
        // Odoo's own port too, for an Odoo without a TLS proxy in front.
        assertThat(egressAllows(selecting(manifests, podLabels(connector)), peer -> peer.getIpBlock() != null, 8069))
                .as(overlay + ": the connector reaches an Odoo on port 8069").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyPolicySelectsSomePods(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (NetworkPolicy policy : manifests.typed(NetworkPolicy.class)) {
            boolean selectsAService = manifests.deployments().stream()
                    .anyMatch(d -> matches(policy.getSpec().getPodSelector(), podLabels(d)));
            boolean selectsTheDatabase = matches(policy.getSpec().getPodSelector(), CNPG_PODS);
            assertThat(selectsAService || selectsTheDatabase).as(policy.getMetadata().getName() + " selects pods").isTrue();
        }
    }

    private static List<NetworkPolicy> selecting(Manifests manifests, Map<String, String> pod) {
        return manifests.typed(NetworkPolicy.class).stream().filter(p -> matches(p.getSpec().getPodSelector(), pod)).toList();
    }

    private static boolean egressAllows(List<NetworkPolicy> policies, Predicate<NetworkPolicyPeer> peer, int port) {
        return policies.stream().flatMap(p -> nullToEmpty(p.getSpec().getEgress()).stream())
                .anyMatch(rule -> rule.getTo().stream().anyMatch(peer) && allowsPort(rule.getPorts(), port));
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, Predicate<NetworkPolicyPeer> peer, int port) {
        return policies.stream().flatMap(p -> nullToEmpty(p.getSpec().getIngress()).stream())
                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer) && allowsPort(rule.getPorts(), port));
    }

    /** A rule's ports allow {@code port}, by number or (CaseDesk's container ports) by its name "http". */
    private static boolean allowsPort(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream().map(NetworkPolicyPort::getPort).anyMatch(p -> matchesPort(p, port));
    }

    private static boolean matchesPort(IntOrString declared, int port) {
        if (declared == null) {
            return true;
        }
        if (declared.getIntVal() != null) {
            return declared.getIntVal() == port;
        }
        return declared.getStrVal().equals("http") && SERVICE_PORTS.contains(port);
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchExpressions().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels() == null ? Map.of().entrySet() : selector.getMatchLabels().entrySet());
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }
}
