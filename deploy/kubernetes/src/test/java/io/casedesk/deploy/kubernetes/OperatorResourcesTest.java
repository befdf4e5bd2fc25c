package io.casedesk.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.schema.Topics;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.DEV_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The essentials of the operators' resources: Strimzi's Kafka, CloudNativePG's cluster, KEDA's scaling. */
class OperatorResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void kafkaRunsInKraftModeWithControllersAndEnoughBrokersForItsReplication(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Kafka kafka = manifests.typed(Kafka.class).get(0);
        String cluster = kafka.getMetadata().getName();
        List<KafkaNodePool> pools = manifests.typed(KafkaNodePool.class);
        pools.forEach(pool -> assertThat(pool.getMetadata().getLabels()).as(pool.getMetadata().getName() + " cluster")
                .containsEntry("strimzi.io/cluster", cluster));
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(controllers).as(overlay + " KRaft controllers (an odd quorum)").isOdd();
        assertThat(brokers).as(overlay + " brokers").isPositive();

        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        int replication = ((Number) config.get("default.replication.factor")).intValue();
        int minInSync = ((Number) config.get("min.insync.replicas")).intValue();
        assertThat(replication).as(overlay + " default.replication.factor").isBetween(1, brokers);
        assertThat(minInSync).as(overlay + " min.insync.replicas").isBetween(1, replication);
        assertThat(((Number) config.get("offsets.topic.replication.factor")).intValue()).isEqualTo(replication);
        assertThat(config).as("topics come from the manifests only").containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("the Topic Operator runs").isNotNull();
        assertThat(kafka.getSpec().getKafka().getListeners()).as("an internal listener on 9092")
                .anySatisfy(listener -> {
                    assertThat(listener.getPort()).isEqualTo(9092);
                    assertThat(listener.getNetworkPolicyPeers()).isNotEmpty();
                });
        if (manifests.buildsOn("overlays/prod")) {
            assertThat(controllers).as("prod controllers").isGreaterThanOrEqualTo(3);
            assertThat(replication).as("prod replication").isGreaterThanOrEqualTo(3);
            assertThat(minInSync).as("prod min.insync.replicas").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR,
            OverlayRenderTest.PROD_RESTORED})
    void everyDatabaseAServiceUsesExistsAndItsLoginOwnsIt(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, List<String>> secrets = OverlayRenderTest.availableSecrets(manifests);
        Map<String, String> usernames = basicAuthUsernames(manifests);
        // database name -> owner, for every database of every cluster
        Map<String, String> owners = new java.util.HashMap<>();
        Set<String> clusters = new TreeSet<>();
        for (Manifests.Resource cluster : manifests.ofKind("Cluster")) {
            JsonNode spec = cluster.yaml().path("spec");
            clusters.add(cluster.name());
            assertThat(spec.path("instances").asInt()).as(cluster + " instances").isPositive();
            assertThat(spec.path("storage").path("size").asText()).as(cluster + " storage").isNotBlank();
            // A new cluster (initdb) or one restored from its backups (recovery) names its first database alike.
            JsonNode first = spec.path("bootstrap").has("recovery") ? spec.path("bootstrap").path("recovery")
                    : spec.path("bootstrap").path("initdb");
            owners.put(first.path("database").asText(), first.path("owner").asText());
            String secret = first.path("secret").path("name").asText();
            assertThat(usernames.get(secret)).as(cluster + ": the bootstrap Secret " + secret + " logs in as the owner")
                    .isEqualTo(first.path("owner").asText());
            Set<String> roles = new TreeSet<>();
            for (JsonNode role : spec.path("managed").path("roles")) {
                roles.add(role.path("name").asText());
                assertThat(usernames.get(role.path("passwordSecret").path("name").asText()))
                        .as(cluster + ": the Secret of role " + role.path("name").asText()).isEqualTo(role.path("name").asText());
            }
            for (Manifests.Resource database : manifests.ofKind("Database")) {
                JsonNode db = database.yaml().path("spec");
                if (db.path("cluster").path("name").asText().equals(cluster.name())) {
                    assertThat(roles).as(database + " owner is a managed role").contains(db.path("owner").asText());
                    owners.put(db.path("name").asText(), db.path("owner").asText());
                }
            }
            if (!manifests.buildsOn("overlays/dev")) {
                assertThat(spec.path("instances").asInt()).as("prod instances: a primary and replicas").isGreaterThanOrEqualTo(3);
            }
        }
        for (Manifests.Resource database : manifests.ofKind("Database")) {
            assertThat(clusters).as(database + " cluster").contains(database.yaml().path("spec").path("cluster").path("name").asText());
        }
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> env = environmentValues(manifests, deployment);
            if (!env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                continue;
            }
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            String database = url.substring(url.lastIndexOf('/') + 1);
            String what = overlay + " " + deployment.getMetadata().getName();
            assertThat(owners).as(what + " uses database " + database).containsKey(database);
            EnvVar username = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_USERNAME")).findFirst().orElseThrow();
            String secret = username.getValueFrom().getSecretKeyRef().getName();
            assertThat(secrets).containsKey(secret);
            assertThat(usernames.get(secret)).as(what + " logs in as the owner of " + database).isEqualTo(owners.get(database));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void kedaScalesEachConsumerOnItsOwnGroupWithinTheTopicsPartitions(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<ServiceModule> modules = ServiceModule.all();
        assertThat(manifests.ofKind("ScaledObject")).as(overlay + " ScaledObjects").isNotEmpty();
        for (Manifests.Resource scaledObject : manifests.ofKind("ScaledObject")) {
            JsonNode spec = scaledObject.yaml().path("spec");
            String target = spec.path("scaleTargetRef").path("name").asText();
            assertThat(manifests.find(Deployment.class, target)).as(scaledObject + " target").isPresent();
            ServiceModule module = modules.stream().filter(m -> m.name().equals(target)).findFirst().orElseThrow();
            assertThat(spec.path("triggers")).as(scaledObject + " triggers").hasSize(1);
            JsonNode trigger = spec.path("triggers").get(0);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            String topic = trigger.path("metadata").path("topic").asText();
            Topics.TopicSpec topicSpec = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst()
                    .orElseThrow(() -> new AssertionError(scaledObject + " watches " + topic + ", not a topic of common-schema"));
            assertThat(trigger.path("metadata").path("consumerGroup").asText())
                    .as(scaledObject + ": the group " + target + " consumes " + topic + " with (application.properties)")
                    .isEqualTo(module.consumerGroupOf(topic).orElseThrow(() -> new AssertionError(target + " does not consume " + topic)));
            int min = spec.path("minReplicaCount").asInt();
            int max = spec.path("maxReplicaCount").asInt();
            assertThat(min).as(scaledObject + " minReplicaCount (never to zero: the services also serve HTTP)").isPositive();
            assertThat(max).as(scaledObject + " maxReplicaCount, at most the partitions of " + topic)
                    .isBetween(min, topicSpec.partitions());
            assertThat(trigger.path("metadata").path("offsetResetPolicy").asText()).isEqualTo("earliest");
        }
    }

    /** The username of every basic-auth Secret, from the overlay or (prod) the templates of pre-created ones. */
    private static Map<String, String> basicAuthUsernames(Manifests manifests) {
        Map<String, String> usernames = new java.util.HashMap<>();
        List<Secret> secrets = new ArrayList<>(manifests.typed(Secret.class));
        if (manifests.usesPrecreatedSecrets()) {
            secrets.addAll(Manifests.render("secret-templates").typed(Secret.class));
        }
        for (Secret secret : secrets) {
            if ("kubernetes.io/basic-auth".equals(secret.getType())) {
                usernames.put(secret.getMetadata().getName(), secret.getStringData().get("username"));
            }
        }
        return usernames;
    }

    /** Plain values of a Deployment's environment: literal env values and its envFrom ConfigMaps. */
    private static Map<String, String> environmentValues(Manifests manifests, Deployment deployment) {
        Map<String, String> values = new java.util.HashMap<>();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        OverlayRenderTest.nullToEmpty(container.getEnvFrom()).stream().filter(s -> s.getConfigMapRef() != null)
                .forEach(s -> values.putAll(manifests.configMaps().get(s.getConfigMapRef().getName())));
        OverlayRenderTest.nullToEmpty(container.getEnv()).stream().filter(e -> e.getValue() != null)
                .forEach(e -> values.put(e.getName(), e.getValue()));
        return values;
    }
}
