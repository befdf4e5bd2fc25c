package io.casedesk.infra;

import io.casedesk.infra.test.SharedInfrastructure;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalInfrastructureTest {

    @Test
    void brokerStoresAndServesRecordsAndHasEveryTopic() throws Exception {
        LocalKafka kafka = SharedInfrastructure.kafka();
        Map<String, Object> common = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());

        try (Admin admin = Admin.create(common)) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(topics).containsAll(Topics.allWithDeadLetters().stream().map(Topics.TopicSpec::name).toList());
            var state = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONVERSATION_STATE);
            assertThat(admin.describeConfigs(List.of(state)).all().get(10, TimeUnit.SECONDS).get(state)
                    .get("cleanup.policy").value()).isEqualTo("compact");
        }

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("local-infra-test", "line:Ubot:U1", "張先生您好")).get(10, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("local-infra-test"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 50 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("line:Ubot:U1");
                assertThat(r.value()).isEqualTo("張先生您好");
            });
        }
    }

    @Test
    void postgresServesADatabaseWithUtf8Text() throws Exception {
        LocalPostgres postgres = SharedInfrastructure.postgres();
        postgres.createDatabase("infra_test");
        postgres.createDatabase("infra_test"); // idempotent

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("infra_test"), "postgres", "")) {
            connection.createStatement().execute("create table if not exists note (text varchar(100))");
            connection.createStatement().execute("insert into note values ('離婚訴訟 2026-FAM-0142')");
            try (ResultSet rows = connection.createStatement().executeQuery("select text, version() from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("離婚訴訟 2026-FAM-0142");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 18");
            }
        }
        assertThat(postgres.pid()).isPositive();
    }
}
