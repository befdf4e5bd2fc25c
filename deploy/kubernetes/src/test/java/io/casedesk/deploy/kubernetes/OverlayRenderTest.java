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
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay with {@code kubectl kustomize} and checks that every resource is a well-formed typed
 * object and that everything a resource refers to (Secrets and their keys, ConfigMaps and their keys, volumes,
 * Services and their ports) is there.
 */
class OverlayRenderTest {

    /** Kubernetes' own kinds: parsed with the Fabric8 model. */
    private static final Set<String> KUBERNETES_KINDS = Set.of("Namespace", "ConfigMap", "Secret", "Service",
            "Deployment", "PersistentVolumeClaim", "Ingress", "NetworkPolicy", "PodDisruptionBudget");
    /** Strimzi's kinds: parsed with Strimzi's model (the v1 API). */
    private static final Set<String> STRIMZI_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic");
    /** CloudNativePG's and KEDA's kinds: generic resources, their essentials checked in OperatorResourcesTest. */
    private static final Map<String, String> GENERIC_KINDS = Map.of(
            "Cluster", "postgresql.cnpg.io/v1",
            "Database", "postgresql.cnpg.io/v1",
            "ScaledObject", "keda.sh/v1alpha1");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "base", "secret-templates"})
    void everyResourceIsATypedObjectWithoutUnknownFields(String directory) {
        Manifests manifests = Manifests.render(directory);
        assertThat(manifests.all()).as(directory + " renders resources").isNotEmpty();
        for (Manifests.Resource resource : manifests.all()) {
            String kind = resource.kind();
            if (KUBERNETES_KINDS.contains(kind)) {
                assertThat(resource.typed()).as(resource + " parses as a typed Kubernetes object")
                        .isNotInstanceOf(GenericKubernetesResource.class);
            } else if (STRIMZI_KINDS.contains(kind)) {
                // Strimzi's model answers its own storage version; the manifest's is what the operator gets.
                assertThat(resource.yaml().path("apiVersion").asText()).as(resource + " uses Strimzi's v1 API")
                        .isEqualTo("kafka.strimzi.io/v1");
            } else {
                assertThat(GENERIC_KINDS).as(resource + ": a kind this test does not know; add its checks")
                        .containsKey(kind);
                assertThat(resource.typed().getApiVersion()).as(resource + " apiVersion")
                        .isEqualTo(GENERIC_KINDS.get(kind));
                continue;
            }
            assertThat(UnknownFields.of(resource.typed())).as(resource + ": fields its model does not know").isEmpty();
            if (!kind.equals("Namespace")) {
                assertThat(resource.typed().getMetadata().getNamespace()).as(resource + " namespace")
                        .isEqualTo(Manifests.NAMESPACE);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
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
        // A TLS Secret that cert-manager creates for an Ingress asking for it.
        Set<String> issued = new TreeSet<>();
        for (Ingress ingress : manifests.typed(Ingress.class)) {
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            if (annotations != null && (annotations.containsKey("cert-manager.io/cluster-issuer")
                    || annotations.containsKey("cert-manager.io/issuer"))) {
                ingress.getSpec().getTls().forEach(tls -> issued.add(tls.getSecretName()));
            }
        }
        for (Ingress ingress : manifests.typed(Ingress.class)) {
            for (IngressTLS tls : nullToEmpty(ingress.getSpec().getTls())) {
                assertThat(issued).as("Ingress/" + ingress.getMetadata().getName() + " TLS Secret "
                        + tls.getSecretName() + " is issued by cert-manager for an Ingress").contains(tls.getSecretName());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
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
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyReferencedServiceAndPortExists(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, List<Integer>> services = manifests.servicePorts();
        Map<String, List<String>> portNames = new LinkedHashMap<>();
        manifests.typed(io.fabric8.kubernetes.api.model.Service.class).forEach(service -> portNames.put(
                service.getMetadata().getName(), service.getSpec().getPorts().stream().map(p -> p.getName()).toList()));

        for (Ingress ingress : manifests.typed(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    String from = "Ingress/" + ingress.getMetadata().getName() + " " + path.getPath();
                    assertThat(portNames).as(from + " routes to Service " + backend.getName()).containsKey(backend.getName());
                    if (backend.getPort().getName() != null) {
                        assertThat(portNames.get(backend.getName())).as(from + " port").contains(backend.getPort().getName());
                    } else {
                        assertThat(services.get(backend.getName())).as(from + " port").contains(backend.getPort().getNumber());
                    }
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

    @Test
    void prodAppliesNoSecretSoThatRealOnesAreNeverOverwritten() {
        assertThat(Manifests.render("overlays/prod").typed(Secret.class)).isEmpty();
        assertThat(Manifests.render("overlays/dev").secretKeys().keySet())
                .containsAll(Manifests.render("secret-templates").secretKeys().keySet());
    }

    @Test
    void prodServesOneHostOverTls() {
        for (Ingress ingress : Manifests.render("overlays/prod").typed(Ingress.class)) {
            assertThat(ingress.getSpec().getTls()).as(ingress.getMetadata().getName() + " TLS").isNotEmpty();
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(rule.getHost()).as(ingress.getMetadata().getName() + " host").isNotBlank();
                assertThat(ingress.getSpec().getTls().get(0).getHosts()).contains(rule.getHost());
            }
        }
    }

    /** Secrets an overlay can rely on: its own, and for prod the ones created beforehand from the templates. */
    static Map<String, List<String>> availableSecrets(Manifests manifests) {
        Map<String, List<String>> secrets = new LinkedHashMap<>(manifests.secretKeys());
        if (manifests.directory().equals("overlays/prod")) {
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
            String initdbSecret = spec.path("bootstrap").path("initdb").path("secret").path("name").asText(null);
            if (initdbSecret != null) {
                references.add(new Reference(cluster.toString(), initdbSecret, "password"));
            }
            for (var role : spec.path("managed").path("roles")) {
                references.add(new Reference(cluster.toString(), role.path("passwordSecret").path("name").asText(), "password"));
            }
        }
        for (Ingress ingress : manifests.typed(Ingress.class)) {
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey("nginx.ingress.kubernetes.io/auth-secret")) {
                references.add(new Reference("Ingress/" + ingress.getMetadata().getName(),
                        annotations.get("nginx.ingress.kubernetes.io/auth-secret"), "auth"));
            }
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
