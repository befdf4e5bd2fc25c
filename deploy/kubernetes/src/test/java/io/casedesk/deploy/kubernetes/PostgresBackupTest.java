package io.casedesk.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's backups (CloudNativePG with its Barman Cloud plugin): production archives every cluster's WAL to an
 * object store and takes a nightly base backup, and the restore of README "Restore" bootstraps a new cluster from
 * that archive to a point in time without ever writing into the archive it reads.
 */
class PostgresBackupTest {

    static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @Test
    void prodArchivesEveryClustersWalToAnObjectStoreAndBacksItUpEveryNight() {
        Manifests prod = Manifests.render("overlays/prod");
        assertThat(prod.ofKind("Cluster")).isNotEmpty();
        for (Manifests.Resource cluster : prod.ofKind("Cluster")) {
            JsonNode archiver = walArchiver(cluster).orElseThrow(
                    () -> new AssertionError(cluster + " archives its WAL through the " + PLUGIN + " plugin"));
            String storeName = archiver.path("parameters").path("barmanObjectName").asText();
            Manifests.Resource store = prod.find("ObjectStore", storeName)
                    .orElseThrow(() -> new AssertionError(cluster + " archives to ObjectStore " + storeName + ", which is missing"));
            JsonNode configuration = store.yaml().path("spec").path("configuration");
            assertThat(configuration.path("destinationPath").asText()).as(store + " destinationPath")
                    .matches("(s3|gs|https)://.+");
            assertThat(configuration.path("serverName").isMissingNode())
                    .as(store + ": serverName belongs to the Cluster's plugin parameters, never the ObjectStore").isTrue();
            assertThat(configuration.path("s3Credentials").path("accessKeyId").path("name").asText())
                    .as(store + " credentials come from a Secret").isNotBlank();
            assertThat(store.yaml().path("spec").path("retentionPolicy").asText()).as(store + " retention")
                    .matches("[1-9][0-9]*[dwm]");

            List<JsonNode> schedules = new ArrayList<>();
            for (Manifests.Resource backup : prod.ofKind("ScheduledBackup")) {
                if (backup.yaml().path("spec").path("cluster").path("name").asText().equals(cluster.name())) {
                    schedules.add(backup.yaml().path("spec"));
                }
            }
            assertThat(schedules).as(cluster + ": a ScheduledBackup").hasSize(1);
            JsonNode schedule = schedules.get(0);
            assertThat(schedule.path("method").asText()).as("backups through the plugin").isEqualTo("plugin");
            assertThat(schedule.path("pluginConfiguration").path("name").asText()).isEqualTo(PLUGIN);
            assertThat(schedule.path("schedule").asText().trim().split("\\s+"))
                    .as("CloudNativePG's schedule has six fields, seconds first").hasSize(6);
            assertThat(schedule.path("immediate").asBoolean()).as("a first backup at once").isTrue();
        }
    }

    @Test
    void devNeedsNeitherThePluginNorAnObjectStore() {
        Manifests dev = Manifests.render("overlays/dev");
        assertThat(dev.ofKind("ObjectStore")).isEmpty();
        assertThat(dev.ofKind("ScheduledBackup")).isEmpty();
        for (Manifests.Resource cluster : dev.ofKind("Cluster")) {
            assertThat(cluster.yaml().path("spec").path("plugins").isMissingNode()).as(cluster + " plugins").isTrue();
        }
    }

    @Test
    void theRestoreBootstrapsTheClusterFromItsArchiveToAPointInTime() {
        Manifests prod = Manifests.render("overlays/prod");
        Manifests restored = Manifests.render(OverlayRenderTest.PROD_RESTORED);
        Manifests.Resource before = prod.find("Cluster", "casedesk-pg").orElseThrow();
        Manifests.Resource after = restored.find("Cluster", "casedesk-pg").orElseThrow();
        JsonNode spec = after.yaml().path("spec");

        assertThat(spec.path("bootstrap").has("initdb")).as("no empty database").isFalse();
        JsonNode recovery = spec.path("bootstrap").path("recovery");
        JsonNode source = find(spec.path("externalClusters"), recovery.path("source").asText())
                .orElseThrow(() -> new AssertionError("the recovery source is one of the externalClusters"));
        assertThat(source.path("plugin").path("name").asText()).isEqualTo(PLUGIN);
        String sourceStore = source.path("plugin").path("parameters").path("barmanObjectName").asText();
        assertThat(restored.find("ObjectStore", sourceStore)).as("the ObjectStore restored from").isPresent();
        String archivedAs = archiveName(before);
        assertThat(source.path("plugin").path("parameters").path("serverName").asText())
                .as("restored from the folder that prod's cluster archives to").isEqualTo(archivedAs);
        assertThat(archiveName(after)).as("the restored cluster archives into a folder of its own").isNotEqualTo(archivedAs);
        assertThat(walArchiver(after)).as("the restored cluster keeps archiving").isPresent();
        assertThat(recovery.path("recoveryTarget").path("targetTime").asText())
                .as("a point in time, set by the operator (a placeholder CloudNativePG refuses until then)")
                .isEqualTo("CHANGE_ME");

        JsonNode initdb = before.yaml().path("spec").path("bootstrap").path("initdb");
        for (String field : List.of("database", "owner", "secret")) {
            assertThat(recovery.path(field)).as("recovery " + field + " as initdb's").isEqualTo(initdb.path(field));
        }
        for (String field : List.of("instances", "storage", "resources", "affinity", "managed")) {
            assertThat(spec.path(field)).as("the restored cluster's " + field + " as prod's").isEqualTo(before.yaml().path("spec").path(field));
        }
        // Nothing but the Cluster changes: the services, Secrets and the backup schedule stay as they are.
        assertThat(restored.all()).hasSameSizeAs(prod.all());
        for (Manifests.Resource resource : restored.all()) {
            if (!resource.kind().equals("Cluster")) {
                assertThat(prod.find(resource.kind(), resource.name()).map(Manifests.Resource::yaml))
                        .as(resource + " unchanged").contains(resource.yaml());
            }
        }
    }

    @Test
    void theReadmeWalksThroughTheRestore() throws IOException {
        String readme = Files.readString(Manifests.HOME.resolve("README.md"));
        assertThat(readme).contains("### Restore", "components/postgres-recovery", "targetTime",
                "kubectl -n casedesk delete cluster.postgresql.cnpg.io casedesk-pg");
    }

    /** The cluster's WAL archiver: the Barman Cloud plugin entry with {@code isWALArchiver: true}. */
    private static Optional<JsonNode> walArchiver(Manifests.Resource cluster) {
        for (JsonNode plugin : cluster.yaml().path("spec").path("plugins")) {
            if (plugin.path("name").asText().equals(PLUGIN) && plugin.path("isWALArchiver").asBoolean()) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    /** The folder of the object store a cluster archives into: its plugin's serverName, by default its own name. */
    private static String archiveName(Manifests.Resource cluster) {
        return walArchiver(cluster).map(p -> p.path("parameters").path("serverName").asText(cluster.name()))
                .orElseThrow();
    }

    private static Optional<JsonNode> find(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
