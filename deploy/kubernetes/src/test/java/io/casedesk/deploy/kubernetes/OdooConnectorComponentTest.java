package io.casedesk.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.DEV_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Odoo connector is opt-in (components/odoo-connector): the component adds it with everything it needs and
 * changes nothing else, whether it is added to a shipped overlay or to an overlay on top of one. The checks every
 * service gets (Deployment, environment, network, database, metrics) run over the test overlays with it.
 */
class OdooConnectorComponentTest {

    private static final String COMPONENT = "components/odoo-connector";
    private static final String CONNECTOR = "odoo-connector";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** README's way: the component's line added to the overlay one applies renders what the test overlays render. */
    @ParameterizedTest
    @CsvSource({"overlays/dev, " + DEV_ODOO_CONNECTOR, "overlays/prod, " + PROD_ODOO_CONNECTOR})
    void addedToAShippedOverlayItRendersWhatTheTestOverlayRenders(String shipped, String tested, @TempDir Path copy)
            throws IOException {
        for (String directory : List.of("base", "overlays", "components", "secret-templates")) {
            copyTree(Manifests.HOME.resolve(directory), copy.resolve(directory));
        }
        Path kustomization = copy.resolve(shipped).resolve("kustomization.yaml");
        ObjectNode overlay = (ObjectNode) YAML.readTree(kustomization.toFile());
        overlay.withArray("components").add("../../" + COMPONENT);
        YAML.writeValue(kustomization.toFile(), overlay);

        Manifests enabled = Manifests.parse(shipped + " with " + COMPONENT, Kubectl.onPath().kustomize(copy.resolve(shipped)));
        assertThat(byName(enabled)).as(shipped + " with the component added to it").isEqualTo(byName(Manifests.render(tested)));
    }

    @ParameterizedTest
    @CsvSource({"overlays/dev, " + DEV_ODOO_CONNECTOR, "overlays/prod, " + PROD_ODOO_CONNECTOR})
    void itAddsTheConnectorAndItsOwnerRoleAndChangesNothingElse(String shipped, String tested) {
        Map<String, JsonNode> without = byName(Manifests.render(shipped));
        Map<String, JsonNode> with = byName(Manifests.render(tested));
        assertThat(with.keySet()).as(tested + " keeps every resource of " + shipped).containsAll(without.keySet());
        without.forEach((resource, before) -> {
            JsonNode after = with.get(resource);
            if (resource.equals("Cluster/casedesk-pg")) {
                // The only change to a resource of the base: the owner of the connector's database, a managed role.
                ArrayNode roles = (ArrayNode) after.path("spec").path("managed").path("roles");
                assertThat(roles.get(roles.size() - 1).path("name").asText()).as(resource + ": the role added last")
                        .isEqualTo("odoo_connector");
                JsonNode restored = after.deepCopy();
                ((ArrayNode) restored.path("spec").path("managed").path("roles")).remove(roles.size() - 1);
                assertThat(restored).as(resource + " but for the role").isEqualTo(before);
            } else {
                assertThat(after).as(resource + " unchanged").isEqualTo(before);
            }
        });
        with.forEach((resource, added) -> {
            if (!without.containsKey(resource)) {
                assertThat(added.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
                        .as(tested + ": " + resource + " is the connector's").isEqualTo(CONNECTOR);
            }
        });
    }

    /** Its sync runs and its chatter sender are kept from overlapping inside the process only. */
    @ParameterizedTest
    @ValueSource(strings = {DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void theConnectorRunsOnePodAndNeverTwoAtOnce(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Deployment connector = manifests.find(Deployment.class, CONNECTOR).orElseThrow();
        assertThat(connector.getSpec().getReplicas()).as(overlay + " replicas").isEqualTo(1);
        assertThat(connector.getSpec().getStrategy().getType()).as(overlay + ": the old pod stops before the new one starts")
                .isEqualTo("Recreate");
        assertThat(manifests.ofKind("ScaledObject")).as(overlay + ": nothing scales the connector")
                .noneMatch(s -> s.yaml().path("spec").path("scaleTargetRef").path("name").asText().equals(CONNECTOR));
    }

    @Test
    void theReadmeSaysHowToEnableItAndNamesEverySecretAndKeyItReads() throws IOException {
        String readme = Files.readString(Manifests.HOME.resolve("README.md"));
        assertThat(readme).contains("components:", "- ../../" + COMPONENT);
        Manifests prod = Manifests.render(PROD_ODOO_CONNECTOR);
        List<OverlayRenderTest.Reference> read = new ArrayList<>();
        for (OverlayRenderTest.Reference reference : OverlayRenderTest.secretReferences(prod)) {
            if (reference.from().equals("Deployment/" + CONNECTOR) || reference.name().contains(CONNECTOR)) {
                read.add(reference);
            }
        }
        assertThat(read).as("the Secrets the connector and its database owner read").isNotEmpty();
        for (OverlayRenderTest.Reference reference : read) {
            assertThat(readme).as("README names Secret " + reference.name()).contains("`" + reference.name() + "`");
            if (reference.key() != null) {
                assertThat(readme).as("README names key " + reference.key() + " of " + reference.name())
                        .contains("`" + reference.key() + "`");
            }
        }
    }

    /** Resources by kind and name, as rendered. */
    private static Map<String, JsonNode> byName(Manifests manifests) {
        Map<String, JsonNode> resources = new TreeMap<>();
        manifests.all().forEach(r -> resources.put(r.toString(), r.yaml()));
        return resources;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
