package io.casedesk.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay with {@code kubectl kustomize} and checks that every resource is a well-formed typed
 * object and that everything a resource refers to (Secrets and their keys, ConfigMaps and their keys, volumes,
 * Services and their ports, Gateways and their listeners) is there.
 */
class OverlayRenderTest {

    /** The prod overlay with the restore of README "Restore" (components/postgres-recovery). */
    static final String PROD_RESTORED = "src/test/resources/prod-restored";
    /**
     * The dev and prod overlays with the opt-in Odoo connector (components/odoo-connector): every service module,
     * the connector included, runs in them. The tests over the shipped overlays run over these too.
     */
    static final String DEV_ODOO_CONNECTOR = "src/test/resources/dev-odoo-connector";
    static final String PROD_ODOO_CONNECTOR = "src/test/resources/prod-odoo-connector";

    /** Kubernetes' own kinds, Gateway API's and the Prometheus Operator's: parsed with the Fabric8 models. */
    private static final Map<String, String> TYPED_KINDS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"), Map.entry("PersistentVolumeClaim", "v1"), Map.entry("Deployment", "apps/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"), Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Gateway", "gateway.networking.k8s.io/v1"), Map.entry("HTTPRoute", "gateway.networking.k8s.io/v1"),
            Map.entry("PodMonitor", "monitoring.coreos.com/v1"));
    /** Strimzi's kinds: parsed with Strimzi's model (the v1 API). */
    private static final Set<String> STRIMZI_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic");
    /**
     * CloudNativePG's, its Barman Cloud plugin's and KEDA's kinds: generic resources, their essentials checked in
     * OperatorResourcesTest and PostgresBackupTest.
     */
    private static final Map<String, String> GENERIC_KINDS = Map.of(
            "Cluster", "postgresql.cnpg.io/v1",
            "Database", "postgresql.cnpg.io/v1",
            "ScheduledBackup", "postgresql.cnpg.io/v1",
            "ObjectStore", "barmancloud.cnpg.io/v1",
            "ScaledObject", "keda.sh/v1alpha1");
    /** Fields kustomize v5 deprecates, each with what replaces it. */
    private static final Map<String, String> DEPRECATED_KUSTOMIZE_FIELDS = Map.of(
            "bases", "resources", "patchesStrategicMerge", "patches", "patchesJson6902", "patches",
            "commonLabels", "labels", "vars", "replacements", "imageTags", "images");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR, "base", "secret-templates",
            PROD_RESTORED})
    void everyResourceIsATypedObjectWithoutUnknownFields(String directory) {
        Manifests manifests = Manifests.render(directory);
        assertThat(manifests.all()).as(directory + " renders resources").isNotEmpty();
        for (Manifests.Resource resource : manifests.all()) {
            String kind = resource.kind();
            if (TYPED_KINDS.containsKey(kind)) {
                assertThat(resource.typed()).as(resource + " parses as a typed object")
                        .isNotInstanceOf(GenericKubernetesResource.class);
                assertThat(resource.yaml().path("apiVersion").asText()).as(resource + " apiVersion")
                        .isEqualTo(TYPED_KINDS.get(kind));
            } else if (STRIMZI_KINDS.contains(kind)) {
                // Strimzi's model answers its own storage version; the manifest's is what the operator gets.
                assertThat(resource.yaml().path("apiVersion").asText()).as(resource + " uses Strimzi's v1 API")
                        .isEqualTo("kafka.strimzi.io/v1");
            } else {
                assertThat(GENERIC_KINDS).as(resource + ": a kind this test does not know; add its checks")
                        .containsKey(kind);
                assertThat(resource.typed().getApiVersion()).as(resource + " apiVersion")
                        .isEqualTo(GENERIC_KINDS.get(kind));
                assertThat(resource.typed().getMetadata().getNamespace()).as(resource + " namespace")
                        .isEqualTo(Manifests.NAMESPACE);
                continue;
            }
            assertThat(UnknownFields.of(resource.typed())).as(resource + ": fields its model does not know").isEmpty();
            if (!kind.equals("Namespace")) {
                assertThat(resource.typed().getMetadata().getNamespace()).as(resource + " namespace")
                        .isEqualTo(Manifests.NAMESPACE);
            }
        }
    }

    @Test
    void noKustomizationUsesAFieldKustomizeDeprecates() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Manifests.HOME)) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !Manifests.HOME.relativize(f).startsWith("target")).sorted().toList();
        }
        assertThat(kustomizations).as("kustomizations").hasSizeGreaterThanOrEqualTo(6);
        for (Path file : kustomizations) {
            var kustomization = Manifests.readYaml(file);
            String what = Manifests.HOME.relativize(file).toString();
            assertThat(kustomization.path("kind").asText()).as(what + " kind").isIn("Kustomization", "Component");
            kustomization.fieldNames().forEachRemaining(field -> assertThat(DEPRECATED_KUSTOMIZE_FIELDS)
                    .as(what + ": '" + field + "' is deprecated; use '" + DEPRECATED_KUSTOMIZE_FIELDS.get(field) + "'")
                    .doesNotContainKey(field));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void trafficComesInThroughGatewayApiWithoutControllerSpecificAnnotations(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Ingress")).as(overlay + ": no Ingress, HTTPRoutes instead").isEmpty();
        assertThat(manifests.typed(HTTPRoute.class)).as(overlay + " HTTPRoutes").isNotEmpty();
        for (Manifests.Resource resource : manifests.all()) {
            Map<String, String> annotations = resource.typed().getMetadata().getAnnotations();
            if (annotations != null) {
                assertThat(annotations.keySet()).as(resource + ": no annotation of one controller")
                        .noneMatch(key -> key.contains("ingress.kubernetes.io/"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR, PROD_RESTORED})
    void everyReferencedSecretAndKeyExists(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, List<String>> secrets = availableSecrets(manifests);
        for (Reference reference : secretReferences(manifests)) {
            assertThat(secrets).as(reference.from() + " refers to Secret " + reference.name()).containsKey(reference.name());
            if (reference.key() != null) {
                assertThat(secrets.get(reference.name())).as(reference.from() + " refers to key " + reference.key()
                        + " of Secret " + reference.name()).contains(reference.key());
            }
        }
        // A TLS Secret that cert-manager creates for a Gateway asking for it.
        for (Gateway gateway : manifests.typed(Gateway.class)) {
            Map<String, String> annotations = gateway.getMetadata().getAnnotations();
            boolean issued = annotations != null && (annotations.containsKey("cert-manager.io/cluster-issuer")
                    || annotations.containsKey("cert-manager.io/issuer"));
            for (Listener listener : gateway.getSpec().getListeners()) {
                if (listener.getTls() == null) {
                    continue;
                }
                for (SecretObjectReference certificate : listener.getTls().getCertificateRefs()) {
                    assertThat(issued || secrets.containsKey(certificate.getName()))
                            .as("Gateway/" + gateway.getMetadata().getName() + " listener " + listener.getName()
                                    + ": its certificate Secret " + certificate.getName()
                                    + " exists or cert-manager issues it").isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyReferencedConfigMapKeyAndVolumeClaimExists(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Map<String, String>> configMaps = manifests.configMaps();
        Set<String> claims = new TreeSet<>(manifests.ofKind("PersistentVolumeClaim").stream().map(Manifests.Resource::name).toList());
        for (Deployment deployment : manifests.deployments()) {
            String from = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                for (EnvVar env : nullToEmpty(container.getEnv())) {
                    ConfigMapKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
                    if (ref != null) {
                        assertThat(configMaps).as(from + " refers to ConfigMap " + ref.getName()).containsKey(ref.getName());
                        assertThat(configMaps.get(ref.getName())).as(from + " refers to key " + ref.getKey()
                                + " of ConfigMap " + ref.getName()).containsKey(ref.getKey());
                    }
                }
                for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
                    if (source.getConfigMapRef() != null) {
                        assertThat(configMaps).as(from + " takes ConfigMap " + source.getConfigMapRef().getName())
                                .containsKey(source.getConfigMapRef().getName());
                    }
                }
            }
            for (Volume volume : nullToEmpty(pod.getVolumes())) {
                if (volume.getConfigMap() != null) {
                    assertThat(configMaps).as(from + " mounts ConfigMap").containsKey(volume.getConfigMap().getName());
                }
                if (volume.getPersistentVolumeClaim() != null) {
                    assertThat(claims).as(from + " mounts a claim").contains(volume.getPersistentVolumeClaim().getClaimName());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyReferencedServiceAndPortExists(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, List<Integer>> services = manifests.servicePorts();
        Map<String, List<String>> portNames = new LinkedHashMap<>();
        manifests.typed(io.fabric8.kubernetes.api.model.Service.class).forEach(service -> portNames.put(
                service.getMetadata().getName(), service.getSpec().getPorts().stream().map(p -> p.getName()).toList()));

        for (HTTPRoute route : manifests.typed(HTTPRoute.class)) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                for (HTTPBackendRef backend : nullToEmpty(rule.getBackendRefs())) {
                    String from = "HTTPRoute/" + route.getMetadata().getName();
                    assertThat(backend.getKind()).as(from + " backend kind").isIn(null, "Service");
                    assertThat(services).as(from + " routes to Service " + backend.getName()).containsKey(backend.getName());
                    assertThat(services.get(backend.getName())).as(from + " port of Service " + backend.getName())
                            .contains(backend.getPort());
                }
            }
        }
        // Addresses in configuration: the Kafka bootstrap, case-service's URL, the JDBC URLs, KEDA's bootstrap.
        List<String[]> addresses = new ArrayList<>();
        manifests.configMaps().forEach((map, data) -> data.forEach((key, value) -> {
            switch (key) {
                case "KAFKA_BOOTSTRAP_SERVERS" -> List.of(value.split(",")).forEach(a -> addresses.add(new String[] {"ConfigMap/" + map + " " + key, a.trim()}));
                case "CASE_SERVICE_URL" -> addresses.add(new String[] {"ConfigMap/" + map + " " + key, hostAndPort(value)});
                case "QUARKUS_DATASOURCE_JDBC_URL" -> addresses.add(new String[] {"ConfigMap/" + map + " " + key, hostAndPort(value.substring("jdbc:".length()))});
                default -> { }
            }
        }));
        for (Manifests.Resource scaledObject : manifests.ofKind("ScaledObject")) {
            for (var trigger : scaledObject.yaml().path("spec").path("triggers")) {
                addresses.add(new String[] {scaledObject.toString(), trigger.path("metadata").path("bootstrapServers").asText()});
            }
        }
        assertThat(addresses).as("addresses found in the configuration").hasSizeGreaterThanOrEqualTo(5);
        for (String[] address : addresses) {
            String host = address[1].substring(0, address[1].lastIndexOf(':'));
            int port = Integer.parseInt(address[1].substring(address[1].lastIndexOf(':') + 1));
            String[] labels = host.split("\\.");
            assertThat(labels.length == 1 || (labels.length >= 3 && labels[1].equals(Manifests.NAMESPACE) && labels[2].equals("svc")))
                    .as(address[0] + ": " + address[1] + " is a Service of namespace " + Manifests.NAMESPACE).isTrue();
            assertThat(services).as(address[0] + ": Service " + labels[0] + " exists").containsKey(labels[0]);
            assertThat(services.get(labels[0])).as(address[0] + ": Service " + labels[0] + " has port " + port).contains(port);
        }
    }

    @Test
    void secretTemplatesHoldPlaceholdersOnly() {
        Manifests templates = Manifests.render("secret-templates");
        assertThat(templates.typed(Secret.class)).isNotEmpty();
        for (Secret secret : templates.typed(Secret.class)) {
            assertThat(secret.getData()).as(secret.getMetadata().getName() + " data").isNullOrEmpty();
            secret.getStringData().forEach((key, value) -> {
                if (!(secret.getType().equals("kubernetes.io/basic-auth") && key.equals("username"))) {
                    assertThat(value).as(secret.getMetadata().getName() + " " + key + " is a placeholder").isEqualTo("CHANGE_ME");
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod", PROD_ODOO_CONNECTOR, PROD_RESTORED})
    void prodAppliesNoSecretSoThatRealOnesAreNeverOverwritten(String overlay) {
        assertThat(Manifests.render(overlay).typed(Secret.class)).as(overlay + " Secrets").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", DEV_ODOO_CONNECTOR})
    void devAppliesEverySecretTemplate(String overlay) {
        assertThat(Manifests.render(overlay).secretKeys().keySet()).as(overlay + " Secrets")
                .containsAll(Manifests.render("secret-templates").secretKeys().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyRouteAttachesToAListenerOfAGatewayThatAdmitsIt(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (HTTPRoute route : manifests.typed(HTTPRoute.class)) {
            String from = "HTTPRoute/" + route.getMetadata().getName();
            assertThat(route.getSpec().getParentRefs()).as(from + " parents").isNotEmpty();
            for (ParentReference parent : route.getSpec().getParentRefs()) {
                assertThat(parent.getKind()).as(from + " parent kind").isIn(null, "Gateway");
                String namespace = parent.getNamespace() == null ? route.getMetadata().getNamespace() : parent.getNamespace();
                Gateway gateway = manifests.find(Gateway.class, parent.getName())
                        .filter(g -> g.getMetadata().getNamespace().equals(namespace))
                        .orElseThrow(() -> new AssertionError(from + ": no Gateway " + namespace + "/" + parent.getName()));
                List<Listener> listeners = attachedListeners(gateway, parent);
                assertThat(listeners).as(from + " attaches to a listener of Gateway " + parent.getName()).isNotEmpty();
                for (Listener listener : listeners) {
                    String admitted = listener.getAllowedRoutes() == null ? "Same"
                            : listener.getAllowedRoutes().getNamespaces().getFrom();
                    assertThat(admitted.equals("All") || (admitted.equals("Same") && namespace.equals(route.getMetadata().getNamespace())))
                            .as(from + " is admitted by listener " + listener.getName()).isTrue();
                    if (listener.getHostname() != null) {
                        assertThat(route.getSpec().getHostnames()).as(from + " hostnames on listener " + listener.getName())
                                .contains(listener.getHostname());
                    }
                }
            }
        }
    }

    @Test
    void prodServesOneHostOverHttpsAndOnlyRedirectsPlainHttp() {
        Manifests prod = Manifests.render("overlays/prod");
        Map<String, Listener> listeners = new LinkedHashMap<>();
        for (Gateway gateway : prod.typed(Gateway.class)) {
            gateway.getSpec().getListeners().forEach(l -> listeners.put(gateway.getMetadata().getName() + "/" + l.getName(), l));
        }
        assertThat(listeners.values()).as("an HTTPS listener").anySatisfy(listener -> {
            assertThat(listener.getProtocol()).isEqualTo("HTTPS");
            assertThat(listener.getPort()).isEqualTo(443);
            assertThat(listener.getTls().getMode()).isIn(null, "Terminate");
            assertThat(listener.getTls().getCertificateRefs()).isNotEmpty();
        });
        Set<String> hosts = new TreeSet<>();
        for (HTTPRoute route : prod.typed(HTTPRoute.class)) {
            String name = "HTTPRoute/" + route.getMetadata().getName();
            assertThat(route.getSpec().getHostnames()).as(name + " hostnames").isNotEmpty();
            hosts.addAll(route.getSpec().getHostnames());
            boolean redirectsToHttps = route.getSpec().getRules().stream().allMatch(rule -> nullToEmpty(rule.getFilters()).stream()
                    .anyMatch(f -> f.getRequestRedirect() != null && "https".equals(f.getRequestRedirect().getScheme())));
            for (ParentReference parent : route.getSpec().getParentRefs()) {
                Gateway gateway = prod.find(Gateway.class, parent.getName()).orElseThrow();
                for (Listener listener : attachedListeners(gateway, parent)) {
                    assertThat(listener.getProtocol().equals("HTTPS") || redirectsToHttps)
                            .as(name + " on listener " + listener.getName() + ": HTTPS, or plain HTTP that only redirects to HTTPS")
                            .isTrue();
                }
            }
        }
        assertThat(hosts).as("one public host name").hasSize(1);
        assertThat(hosts.iterator().next()).contains(".").doesNotStartWith("*");
    }

    /** The listeners of {@code gateway} a parent reference attaches to: the named one, or all. */
    static List<Listener> attachedListeners(Gateway gateway, ParentReference parent) {
        return gateway.getSpec().getListeners().stream()
                .filter(l -> parent.getSectionName() == null || parent.getSectionName().equals(l.getName()))
                .filter(l -> parent.getPort() == null || parent.getPort().equals(l.getPort()))
                .toList();
    }

    /** Secrets an overlay can rely on: its own, and for prod the ones created beforehand from the templates. */
    static Map<String, List<String>> availableSecrets(Manifests manifests) {
        Map<String, List<String>> secrets = new LinkedHashMap<>(manifests.secretKeys());
        if (manifests.usesPrecreatedSecrets()) {
            secrets.putAll(Manifests.render("secret-templates").secretKeys());
        }
        return secrets;
    }

    record Reference(String from, String name, String key) {
    }

    /** Every Secret (and key) a resource reads: pods' env, envFrom and volumes, and CloudNativePG's clusters. */
    static List<Reference> secretReferences(Manifests manifests) {
        List<Reference> references = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String from = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                for (EnvVar env : nullToEmpty(container.getEnv())) {
                    SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                    if (ref != null) {
                        references.add(new Reference(from, ref.getName(), ref.getKey()));
                    }
                }
                for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
                    if (source.getSecretRef() != null) {
                        references.add(new Reference(from, source.getSecretRef().getName(), null));
                    }
                }
            }
            for (Volume volume : nullToEmpty(pod.getVolumes())) {
                if (volume.getSecret() != null) {
                    references.add(new Reference(from, volume.getSecret().getSecretName(), null));
                }
            }
        }
        for (Manifests.Resource cluster : manifests.ofKind("Cluster")) {
            var spec = cluster.yaml().path("spec");
            for (String bootstrap : List.of("initdb", "recovery")) {
                String secret = spec.path("bootstrap").path(bootstrap).path("secret").path("name").asText(null);
                if (secret != null) {
                    references.add(new Reference(cluster.toString(), secret, "password"));
                }
            }
            for (var role : spec.path("managed").path("roles")) {
                references.add(new Reference(cluster.toString(), role.path("passwordSecret").path("name").asText(), "password"));
            }
        }
        // The object store's credentials: every {name, key} selector under spec.configuration.s3Credentials.
        for (Manifests.Resource store : manifests.ofKind("ObjectStore")) {
            store.yaml().path("spec").path("configuration").path("s3Credentials").forEach(selector -> {
                if (selector.has("name")) {
                    references.add(new Reference(store.toString(), selector.path("name").asText(), selector.path("key").asText(null)));
                }
            });
        }
        return references;
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
