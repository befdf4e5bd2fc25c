package io.casedesk.deploy.kubernetes;

import io.casedesk.schema.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.DEV_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The KafkaTopic manifests cannot drift from common-schema's {@link Topics}, the one list of topics. */
class TopicManifestTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyTopicOfCommonSchemaAndOnlyThoseAreDeclared(String overlay) {
        Map<String, KafkaTopic> declared = topics(overlay);
        assertThat(declared.keySet()).as("KafkaTopic names in " + overlay)
                .containsExactlyInAnyOrderElementsOf(Topics.allWithDeadLetters().stream().map(Topics.TopicSpec::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void partitionsAndCleanupPolicyMatchCommonSchema(String overlay) {
        Map<String, KafkaTopic> declared = topics(overlay);
        for (Topics.TopicSpec spec : Topics.allWithDeadLetters()) {
            KafkaTopic topic = declared.get(spec.name());
            assertThat(topic).as(spec.name() + " is declared").isNotNull();
            assertThat(topic.getSpec().getPartitions()).as(spec.name() + " partitions").isEqualTo(spec.partitions());
            assertThat(topic.getSpec().getConfig()).as(spec.name() + " cleanup.policy")
                    .containsEntry("cleanup.policy", spec.compacted() ? "compact" : "delete");
            if (!spec.compacted()) {
                // ingress-line's warm-up reads a day of cs.inbound.v1 and cs.delivery.v1; nothing is kept less.
                assertThat(Long.parseLong(String.valueOf(topic.getSpec().getConfig().get("retention.ms"))))
                        .as(spec.name() + " retention.ms").isGreaterThanOrEqualTo(86_400_000L);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyTopicHasItsDeadLetterTopic(String overlay) {
        Map<String, KafkaTopic> declared = topics(overlay);
        for (Topics.TopicSpec spec : Topics.ALL) {
            assertThat(declared).as("dead-letter topic of " + spec.name()).containsKey(Topics.dlq(spec.name()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyTopicBelongsToTheKafkaCluster(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.typed(Kafka.class)).hasSize(1);
        String cluster = manifests.typed(Kafka.class).get(0).getMetadata().getName();
        for (KafkaTopic topic : manifests.typed(KafkaTopic.class)) {
            assertThat(topic.getMetadata().getLabels()).as(topic.getMetadata().getName() + " cluster label")
                    .containsEntry("strimzi.io/cluster", cluster);
            // The resource's name is the topic's: no spec.topicName to disagree with it.
            assertThat(topic.getSpec().getTopicName()).as(topic.getMetadata().getName() + " topicName").isNull();
        }
    }

    private static Map<String, KafkaTopic> topics(String overlay) {
        return Manifests.render(overlay).typed(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), Function.identity()));
    }
}
