package io.casedesk.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources of one rendered kustomization, each parsed as a typed object: Kubernetes' own kinds with the
 * Fabric8 model (with Gateway API's and the Prometheus Operator's), Strimzi's with Strimzi's model, and the other
 * operators' (CloudNativePG and its Barman Cloud plugin, KEDA) as {@link GenericKubernetesResource}.
 */
final class Manifests {

    /** The directory of this module: base/, overlays/, secret-templates/. */
    static final Path HOME = ServiceModule.repository().resolve("deploy/kubernetes");

    static final String NAMESPACE = "casedesk";

    /** Strimzi's kinds and their typed models. */
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** One resource: its YAML as kubectl printed it and the typed object parsed from it. */
    record Resource(String kind, String name, JsonNode yaml, HasMetadata typed) {
        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    private final String directory;
    private final List<Resource> resources;
    /** What the kustomization is made of, read when first asked (an inline text has no kustomization). */
    private volatile Sources sources;

    /**
     * The kustomization directories an overlay is built from (itself and, transitively, every directory among its
     * resources) and the components they include, as normalized absolute paths.
     */
    private record Sources(Set<Path> kustomizations, Set<Path> components) {
    }

    private Manifests(String directory, List<Resource> resources) {
        this.directory = directory;
        this.resources = resources;
    }

    /** {@code kubectl kustomize deploy/kubernetes/<directory>}, rendered once per test run. */
    static Manifests render(String directory) {
        return RENDERED.computeIfAbsent(directory, d -> parse(d, Kubectl.onPath().kustomize(HOME.resolve(d))));
    }

    static Manifests parse(String directory, String yaml) {
        List<Resource> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                String json = YAML.writeValueAsString(document);
                HasMetadata typed = STRIMZI.containsKey(kind)
                        ? SERIALIZATION.unmarshal(json, STRIMZI.get(kind))
                        : (HasMetadata) SERIALIZATION.<KubernetesResource>unmarshal(json);
                resources.add(new Resource(kind, typed.getMetadata().getName(), document, typed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The output of kubectl kustomize " + directory + " is not YAML", e);
        }
        return new Manifests(directory, List.copyOf(resources));
    }

    /** One YAML document from a file, as a tree. */
    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** True for prod and overlays built on it: the Secrets are created beforehand, from secret-templates/. */
    boolean usesPrecreatedSecrets() {
        return buildsOn("overlays/prod");
    }

    /** Whether this kustomization is {@code other} (a directory of deploy/kubernetes) or built on it. */
    boolean buildsOn(String other) {
        return sources().kustomizations().contains(HOME.resolve(other).normalize());
    }

    /** Whether this kustomization, or one it is built on, includes the component in {@code component}. */
    boolean includesComponent(Path component) {
        return sources().components().contains(component.toAbsolutePath().normalize());
    }

    private Sources sources() {
        Sources read = sources;
        if (read == null) {
            read = new Sources(new HashSet<>(), new HashSet<>());
            collectSources(HOME.resolve(directory), read);
            sources = read;
        }
        return read;
    }

    private static void collectSources(Path directory, Sources sources) {
        Path kustomization = directory.toAbsolutePath().normalize();
        if (!sources.kustomizations().add(kustomization)) {
            return;
        }
        JsonNode file = readYaml(kustomization.resolve("kustomization.yaml"));
        for (JsonNode resource : file.path("resources")) {
            Path path = kustomization.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                collectSources(path, sources);
            }
        }
        for (JsonNode component : file.path("components")) {
            sources.components().add(kustomization.resolve(component.asText()).normalize());
        }
    }

    String directory() {
        return directory;
    }

    List<Resource> all() {
        return resources;
    }

    List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    <T extends HasMetadata> List<T> typed(Class<T> type) {
        return resources.stream().map(Resource::typed).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return typed(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<Resource> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    List<Deployment> deployments() {
        return typed(Deployment.class);
    }

    /** Secret name to its keys (data and stringData). */
    Map<String, List<String>> secretKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Secret secret : typed(Secret.class)) {
            List<String> names = new ArrayList<>();
            if (secret.getData() != null) {
                names.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                names.addAll(secret.getStringData().keySet());
            }
            keys.put(secret.getMetadata().getName(), names);
        }
        return keys;
    }

    /** ConfigMap name to its data. */
    Map<String, Map<String, String>> configMaps() {
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        for (ConfigMap map : typed(ConfigMap.class)) {
            maps.put(map.getMetadata().getName(), map.getData() == null ? Map.of() : map.getData());
        }
        return maps;
    }

    /**
     * Every Service in the namespace with its ports: the ones in the manifests and the ones the operators
     * create from them (Strimzi: {@code <kafka>-kafka-bootstrap} with the listeners' ports; CloudNativePG:
     * {@code <cluster>-rw}, {@code -ro} and {@code -r} on 5432).
     */
    Map<String, List<Integer>> servicePorts() {
        Map<String, List<Integer>> services = new HashMap<>();
        for (Service service : typed(Service.class)) {
            services.put(service.getMetadata().getName(),
                    service.getSpec().getPorts().stream().map(p -> p.getPort()).toList());
        }
        for (Kafka kafka : typed(Kafka.class)) {
            services.put(kafka.getMetadata().getName() + "-kafka-bootstrap",
                    kafka.getSpec().getKafka().getListeners().stream().map(l -> l.getPort()).toList());
        }
        for (Resource cluster : ofKind("Cluster")) {
            for (String suffix : List.of("-rw", "-ro", "-r")) {
                services.put(cluster.name() + suffix, List.of(5432));
            }
        }
        return services;
    }
}
