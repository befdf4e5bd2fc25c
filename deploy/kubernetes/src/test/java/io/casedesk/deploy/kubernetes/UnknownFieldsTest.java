package io.casedesk.deploy.kubernetes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unknown-field check finds misspelt and misplaced fields, in Kubernetes' and Gateway API's models, the
 * Prometheus Operator's and Strimzi's.
 */
class UnknownFieldsTest {

    @Test
    void findsAMisspeltProbeInADeployment() {
        Manifests manifests = Manifests.parse("inline", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  selector:
                    matchLabels:
                      app: example
                  template:
                    metadata:
                      labels:
                        app: example
                    spec:
                      containers:
                        - name: example
                          image: example
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: 8080
                """);
        assertThat(UnknownFields.of(manifests.all().get(0).typed()))
                .containsExactly(".spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void findsAFieldInTheWrongPlaceOfAStrimziResource() {
        Manifests manifests = Manifests.parse("inline", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: cs.example.v1
                spec:
                  partitions: 6
                  cleanup.policy: compact
                """);
        assertThat(UnknownFields.of(manifests.all().get(0).typed())).containsExactly(".spec.cleanup.policy");
    }

    @Test
    void findsAMisspeltFieldOfARouteAndOfAPodMonitor() {
        Manifests manifests = Manifests.parse("inline", """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: example
                spec:
                  parentRefs:
                    - name: casedesk
                  rules:
                    - backendRef:
                        - name: example
                          port: 8080
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: example
                spec:
                  selector:
                    matchLabels:
                      app: example
                  podMetricEndpoints:
                    - port: http
                """);
        assertThat(UnknownFields.of(manifests.all().get(0).typed())).containsExactly(".spec.rules[0].backendRef");
        assertThat(UnknownFields.of(manifests.all().get(1).typed())).containsExactly(".spec.podMetricEndpoints");
    }

    @Test
    void acceptsAWellFormedResource() {
        Manifests manifests = Manifests.parse("inline", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: example
                spec:
                  selector:
                    app: example
                  ports:
                    - name: http
                      port: 8080
                      targetPort: http
                """);
        assertThat(UnknownFields.of(manifests.all().get(0).typed())).isEmpty();
    }
}
