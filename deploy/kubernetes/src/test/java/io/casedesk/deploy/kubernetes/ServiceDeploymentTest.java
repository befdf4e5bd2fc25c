package io.casedesk.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.casedesk.deploy.kubernetes.OverlayRenderTest.DEV_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.PROD_ODOO_CONNECTOR;
import static io.casedesk.deploy.kubernetes.OverlayRenderTest.nullToEmpty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service module has its container build, Deployment and Service, and the Deployment runs it the way
 * the module expects: its port, its health endpoints, the environment its prod configuration reads, hardened.
 */
class ServiceDeploymentTest {

    /** Variables of the UBI OpenJDK image's run-java.sh that a Deployment may set. */
    private static final Set<String> RUN_JAVA_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_OPTS_APPEND");

    @Test
    void theSevenServicesAreFound() {
        assertThat(ServiceModule.all()).extracting(ServiceModule::name).containsExactlyInAnyOrder(
                "ingress-line", "ingress-email", "classifier", "responder", "handoff", "case-service", "odoo-connector");
    }

    @Test
    void onlyTheOdooConnectorIsOptInWithAComponentOfItsOwn() {
        assertThat(ServiceModule.all().stream().filter(m -> m.component().isPresent()))
                .as("service modules with a components/<module> directory").singleElement().satisfies(module -> {
                    assertThat(module.name()).isEqualTo("odoo-connector");
                    assertThat(module.component()).contains(Manifests.HOME.resolve("components/odoo-connector"));
                });
    }

    /**
     * An opt-in service is checked like the others in an overlay with its component, on dev and on prod: the tests over
     * the shipped overlays run over the overlays with the components too.
     */
    @Test
    void everyOptInServiceRunsInATestOverlayOnDevAndOnProd() {
        List<Manifests> withComponents = Stream.of(DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR).map(Manifests::render).toList();
        for (ServiceModule module : ServiceModule.all()) {
            if (module.component().isEmpty()) {
                continue;
            }
            for (String shipped : List.of("overlays/dev", "overlays/prod")) {
                assertThat(withComponents).as(shipped + " with components/" + module.directory()).anySatisfy(overlay -> {
                    assertThat(overlay.buildsOn(shipped)).isTrue();
                    assertThat(overlay.includesComponent(module.component().get())).isTrue();
                });
            }
        }
        for (Manifests overlay : withComponents) {
            assertThat(ServiceModule.deployedIn(overlay)).as(overlay.directory() + ": every service module runs")
                    .containsExactlyInAnyOrderElementsOf(ServiceModule.all());
        }
    }

    @Test
    void everyServiceHasAJvmContainerBuildOnItsPortAsANonRootUser() {
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(module.dockerfile()).as(module + " container build").exists();
            String dockerfile = ServiceModule.read(module.dockerfile());
            assertThat(dockerfile).as(module + " Dockerfile.jvm")
                    .contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("EXPOSE " + module.httpPort() + "\n")
                    .contains("USER 185\n")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyServiceModuleHasItsDeploymentAndServiceAndNothingElseRuns(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<String> names = ServiceModule.deployedIn(manifests).stream().map(ServiceModule::name).toList();
        assertThat(manifests.deployments()).extracting(d -> d.getMetadata().getName())
                .as(overlay + ": the service modules, less those of components it does not include")
                .containsExactlyInAnyOrderElementsOf(names);
        for (ServiceModule module : ServiceModule.deployedIn(manifests)) {
            Service service = manifests.find(Service.class, module.name()).orElseThrow(
                    () -> new AssertionError(overlay + " has no Service " + module.name()));
            assertThat(service.getSpec().getPorts()).as("Service " + module.name())
                    .anySatisfy(port -> {
                        assertThat(port.getPort()).isEqualTo(module.httpPort());
                        assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
                    });
            Deployment deployment = deployment(manifests, module);
            assertThat(service.getSpec().getSelector()).as("Service " + module.name() + " selects its pods")
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyDeploymentRunsItsImageOnItsPortWithHealthProbesAndResources(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Set<String> registriesAndTags = new TreeSet<>();
        for (ServiceModule module : ServiceModule.deployedIn(manifests)) {
            Deployment deployment = deployment(manifests, module);
            Container container = container(deployment);
            String what = overlay + " " + module.name();
            assertThat(container.getImage()).as(what + " image").matches("(.+/)?casedesk/" + module.name() + ":[^:/]+")
                    .doesNotEndWith(":latest");
            registriesAndTags.add(container.getImage().replace("casedesk/" + module.name() + ":", "casedesk/*:"));
            assertThat(container.getPorts()).as(what + " port").singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(module.httpPort());
            });
            assertProbe(what + " startup", container.getStartupProbe(), "/q/health/started");
            assertProbe(what + " liveness", container.getLivenessProbe(), "/q/health/live");
            assertProbe(what + " readiness", container.getReadinessProbe(), "/q/health/ready");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(container.getResources().getRequests()).as(what + " requests").containsKey(resource);
                assertThat(container.getResources().getLimits()).as(what + " limits").containsKey(resource);
            }
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(what + " metrics annotations")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(module.httpPort()));
        }
        assertThat(registriesAndTags).as(overlay + ": every image from one registry at one release tag").hasSize(1);
    }

    /** The shipped overlays name the opt-in services' images too: adding a component to them is all it takes. */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theShippedOverlaysNameEveryServicesImage(String overlay) {
        JsonNode images = Manifests.readYaml(Manifests.HOME.resolve(overlay).resolve("kustomization.yaml")).path("images");
        List<String> named = new ArrayList<>();
        Set<String> registriesAndTags = new TreeSet<>();
        for (JsonNode image : images) {
            String name = image.path("name").asText();
            named.add(name);
            registriesAndTags.add(image.path("newName").asText(name).replace(name, "casedesk/*") + ":" + image.path("newTag").asText());
        }
        assertThat(named).as(overlay + " images").containsExactlyInAnyOrderElementsOf(
                ServiceModule.all().stream().map(m -> "casedesk/" + m.name()).toList());
        assertThat(registriesAndTags).as(overlay + ": every image from one registry at one release tag").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyDeploymentRunsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Deployment deployment : manifests.deployments()) {
            String what = overlay + " " + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertThat(podSecurity.getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
            assertThat(podSecurity.getRunAsUser()).as(what + " runAsUser (the image's user)").isEqualTo(185L);
            assertThat(podSecurity.getSeccompProfile().getType()).as(what + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(what + " service account token").isFalse();
            SecurityContext security = container(deployment).getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
            assertThat(security.getCapabilities().getDrop()).as(what + " capabilities").containsExactly("ALL");
            // The JVM needs a writable /tmp.
            VolumeMount tmp = container(deployment).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(what + " mounts nothing at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as(what + " /tmp is an emptyDir").isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void everyDeploymentSetsWhatItsProdConfigurationNeedsAndNothingItDoesNotRead(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (ServiceModule module : ServiceModule.deployedIn(manifests)) {
            Set<String> provided = environment(manifests, deployment(manifests, module));
            String what = overlay + " " + module.name();
            assertThat(provided).as(what + ": variables its application.properties reads without a default")
                    .containsAll(module.requiredVariables());
            if (module.usesKafka()) {
                assertThat(provided).as(what + " talks to Kafka").contains("KAFKA_BOOTSTRAP_SERVERS");
            }
            Set<String> datasource = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
            if (module.usesDatabase()) {
                assertThat(provided).as(what + " has a database").containsAll(datasource);
            } else {
                assertThat(provided).as(what + " has no database").doesNotContainAnyElementsOf(datasource);
            }
            for (String variable : provided) {
                assertThat(isRead(module, variable)).as(what + " is given " + variable + ", which its configuration "
                        + "does not read (a typo, or a setting the module dropped)").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", DEV_ODOO_CONNECTOR, PROD_ODOO_CONNECTOR})
    void scaledDeploymentsLeaveTheCountToKedaAndTheOthersRunOnePod(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Set<String> scaled = new TreeSet<>();
        manifests.ofKind("ScaledObject").forEach(s -> scaled.add(s.yaml().path("spec").path("scaleTargetRef").path("name").asText()));
        Set<String> budgets = new TreeSet<>();
        manifests.typed(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class).forEach(pdb -> {
            Deployment target = manifests.deployments().stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .findFirst().orElseThrow(() -> new AssertionError("PodDisruptionBudget "
                            + pdb.getMetadata().getName() + " selects no Deployment's pods"));
            budgets.add(target.getMetadata().getName());
        });
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            if (scaled.contains(name)) {
                assertThat(deployment.getSpec().getReplicas()).as(overlay + " " + name + ": KEDA owns the count").isNull();
                assertThat(budgets).as(overlay + " " + name + " has a PodDisruptionBudget").contains(name);
            } else {
                assertThat(deployment.getSpec().getReplicas()).as(overlay + " " + name + " runs one pod").isEqualTo(1);
                assertThat(budgets).as(overlay + " " + name + ": a budget would block node drains").doesNotContain(name);
            }
            boolean ownVolume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .anyMatch(v -> v.getPersistentVolumeClaim() != null);
            if (ownVolume) {
                assertThat(deployment.getSpec().getStrategy().getType()).as(overlay + " " + name
                        + ": the old pod lets go of its ReadWriteOnce volume first").isEqualTo("Recreate");
            }
        }
    }

    private static boolean isRead(ServiceModule module, String variable) {
        if (module.referencedVariables().contains(variable) || RUN_JAVA_VARIABLES.contains(variable)
                || variable.startsWith("QUARKUS_") || variable.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            return true;
        }
        if (variable.startsWith("CASEDESK_")) {
            // A property of the module's application.properties, or one under a prefix its @ConfigMapping
            // interfaces read (casedesk.responder.*, casedesk.auth.services.<caller>.key-sha256, ...).
            return module.propertiesAsVariables().contains(variable)
                    || module.configMappingPrefixes().stream().anyMatch(variable::startsWith);
        }
        return false;
    }

    /** The variables a Deployment's container gets: its env entries and the keys of its envFrom ConfigMaps. */
    private static Set<String> environment(Manifests manifests, Deployment deployment) {
        Container container = container(deployment);
        Set<String> names = new TreeSet<>();
        nullToEmpty(container.getEnv()).stream().map(EnvVar::getName).forEach(names::add);
        Map<String, Map<String, String>> configMaps = manifests.configMaps();
        Map<String, List<String>> secrets = OverlayRenderTest.availableSecrets(manifests);
        for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
            if (source.getConfigMapRef() != null) {
                names.addAll(configMaps.getOrDefault(source.getConfigMapRef().getName(), Map.of()).keySet());
            }
            if (source.getSecretRef() != null) {
                names.addAll(secrets.getOrDefault(source.getSecretRef().getName(), List.of()));
            }
        }
        return names;
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what + " probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo("http");
    }

    private static Deployment deployment(Manifests manifests, ServiceModule module) {
        return manifests.find(Deployment.class, module.name())
                .orElseThrow(() -> new AssertionError(manifests.directory() + " has no Deployment " + module.name()));
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).as(deployment.getMetadata().getName()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
