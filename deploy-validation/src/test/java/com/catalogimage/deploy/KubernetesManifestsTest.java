package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Base and every overlay, rendered and typed, against what each service reads. */
class KubernetesManifestsTest {

    /** Names whose values are secrets: these must come from a Secret, never a ConfigMap or a literal. */
    static final Pattern SECRET_NAME =
            Pattern.compile(".*(KEY|TOKEN|PASSWORD|SECRET|CONNECTION_STRING|(^|_)SAS(_|$)|JAAS).*");

    static List<String> trees() {
        return Manifests.all();
    }

    @ParameterizedTest
    @MethodSource("trees")
    void everyResourceParsesIntoItsTypedModel(String tree) {
        Manifests m = Manifests.load(tree);
        assertThat(m.deployments()).extracting(d -> d.getMetadata().getName())
                .containsAll(ServiceConfig.byName().keySet());
        assertThat(m.topics()).isNotEmpty();
        assertThat(m.scaledObjects()).isNotEmpty();
    }

    @Test
    void aMisspeltFieldFailsTheTypedParse() throws Exception {
        ObjectNode deployment = (ObjectNode) Repo.yamlDocuments(Repo.path("deploy/k8s/base/image-generator.yaml")).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("readinesProbe", "typo");
        assertThatThrownBy(() -> Manifests.of("broken", List.of(deployment)))
                .hasMessageContaining("readinesProbe");
        ObjectNode topic = (ObjectNode) Repo.yamlDocuments(Repo.path("deploy/k8s/base/kafka-topics.yaml")).get(0);
        ((ObjectNode) topic.get("spec")).put("partition", 6);
        assertThatThrownBy(() -> Manifests.of("broken", List.of(topic))).hasMessageContaining("partition");
        ObjectNode scaled = (ObjectNode) Repo.yamlDocuments(Repo.path("deploy/k8s/base/scaledobjects.yaml")).get(0);
        ((ObjectNode) scaled.get("spec")).put("maxReplicas", 3);
        assertThatThrownBy(() -> Manifests.of("broken", List.of(scaled))).hasMessageContaining("maxReplicas");
    }

    @ParameterizedTest
    @MethodSource("trees")
    void deploymentsProbeTheHealthEndpointsOnThePortTheServiceListensOn(String tree) {
        Manifests m = Manifests.load(tree);
        for (ServiceConfig service : ServiceConfig.all()) {
            Container c = container(m.deployment(service.name()), service.name());
            assertThat(c.getPorts()).as(tree + " " + service.name())
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("http");
                        assertThat(p.getContainerPort()).isEqualTo(service.httpPort());
                    });
            assertProbe(c.getStartupProbe(), "/q/health/started", tree + " " + service.name() + " startup");
            assertProbe(c.getReadinessProbe(), "/q/health/ready", tree + " " + service.name() + " readiness");
            assertProbe(c.getLivenessProbe(), "/q/health/live", tree + " " + service.name() + " liveness");

            Service svc = m.services().stream().filter(s -> s.getMetadata().getName().equals(service.name())).findFirst()
                    .orElseThrow(() -> new AssertionError(tree + ": no Service " + service.name()));
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(service.httpPort());
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
            assertThat(svc.getSpec().getSelector())
                    .isEqualTo(m.deployment(service.name()).getSpec().getSelector().getMatchLabels());
        }
    }

    private static void assertProbe(Probe probe, String path, String what) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port (the named container port)").isEqualTo("http");
    }

    @ParameterizedTest
    @MethodSource("trees")
    void everyPodIsRestrictedAndBounded(String tree) {
        for (Deployment d : Manifests.load(tree).deployments()) {
            String what = tree + " " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(what + " numeric non-root UID").isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(what).isEqualTo("RuntimeDefault");
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(what).containsExactly("ALL");
                assertThat(c.getVolumeMounts()).as(what + ": writable /tmp").anySatisfy(v -> {
                    assertThat(v.getMountPath()).isEqualTo("/tmp");
                    assertThat(pod.getVolumes()).anySatisfy(vol -> {
                        assertThat(vol.getName()).isEqualTo(v.getName());
                        assertThat(vol.getEmptyDir()).isNotNull();
                    });
                });
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as(what).containsKeys("cpu", "memory");
                assertThat(limits).as(what).containsKeys("cpu", "memory");
                assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                        .as(what).isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
                assertThat(c.getImage()).as(what + " image tag").matches(".+:[^:/]+").doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void environmentNamesAreExactlyWhatTheServicesRead(String tree) {
        Manifests m = Manifests.load(tree);
        for (ServiceConfig service : ServiceConfig.all()) {
            String what = tree + " " + service.name();
            Container c = container(m.deployment(service.name()), service.name());
            ConfigMap config = m.configMap(service.name());
            assertThat(c.getEnvFrom()).as(what).anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(service.name()));

            Set<String> set = new TreeSet<>(config.getData().keySet());
            assertThat(config.getData().keySet()).as(what + ": ConfigMap keys no service reads")
                    .allMatch(service.envVars()::contains, "read by " + service.name());
            assertThat(config.getData().keySet()).as(what + ": secrets in a ConfigMap")
                    .noneMatch(k -> SECRET_NAME.matcher(k).matches());
            for (EnvVar env : c.getEnv()) {
                set.add(env.getName());
                assertThat(service.envVars()).as(what + ": env " + env.getName() + " is read by no service").contains(env.getName());
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as(what + ": " + env.getName() + " has a literal value").isNull();
                    var ref = env.getValueFrom().getSecretKeyRef();
                    if (env.getName().equals(KafkaClientEnvironment.SASL_PASSWORD)) {
                        // the User Operator's Secret for the service's KafkaUser (KafkaSecurityTest)
                        assertThat(ref.getName()).as(what).isEqualTo(KafkaSecurityTest.USER_SECRET_PREFIX + service.name());
                        assertThat(ref.getKey()).as(what).isEqualTo("password");
                    } else {
                        assertThat(ref.getKey()).isEqualTo(env.getName());
                    }
                }
            }
            assertThat(set).as(what + ": variables whose default only works on a laptop")
                    .containsAll(service.envVarsRequiredInContainers());
        }
    }

    @Test
    void theScannerIsOneReplicaAndTheScalableStagesHaveDisruptionBudgets() {
        for (String tree : Manifests.all()) {
            Manifests m = Manifests.load(tree);
            for (ServiceConfig service : ServiceConfig.all()) {
                boolean scalable = service.hasStableConsumerGroup();
                Deployment d = m.deployment(service.name());
                boolean hasPdb = m.disruptionBudgets().stream().anyMatch(p -> p.getMetadata().getName().equals(service.name()));
                boolean hasScaler = m.scaledObjects().stream().anyMatch(s -> s.spec().scaleTargetRef().name().equals(service.name()));
                assertThat(hasPdb).as(tree + " " + service.name() + " PodDisruptionBudget").isEqualTo(scalable);
                assertThat(hasScaler).as(tree + " " + service.name() + " ScaledObject").isEqualTo(scalable);
                if (!scalable) {
                    assertThat(d.getSpec().getReplicas()).as(tree + " " + service.name()).isEqualTo(1);
                    assertThat(d.getSpec().getStrategy().getType()).as(tree + " " + service.name()).isEqualTo("Recreate");
                }
            }
            m.disruptionBudgets().forEach(p -> assertThat(p.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(m.deployment(p.getMetadata().getName()).getSpec().getSelector().getMatchLabels()));
        }
        assertThat(ServiceConfig.byName().get("product-scanner").hasStableConsumerGroup()).isFalse();
    }

    /**
     * SIGTERM lets the generator's calls in flight finish and publish (docs/decisions/0014): its shutdown grace must
     * outlast a call, and Kubernetes must wait longer than the grace before it kills the pod, or the paid images in
     * flight are lost and paid for again.
     */
    @ParameterizedTest
    @MethodSource("com.catalogimage.deploy.Manifests#all")
    void theGeneratorsPodOutlastsItsShutdownGraceWhichOutlastsAnImageCall(String tree) {
        ServiceConfig generator = ServiceConfig.byName().get("image-generator");
        java.time.Duration call = seconds(generator, "generator.timeout");
        java.time.Duration grace = seconds(generator, "generator.shutdown-grace");
        assertThat(grace).as("generator.shutdown-grace against generator.timeout").isGreaterThan(call);
        Deployment d = Manifests.load(tree).deployment("image-generator");
        long podGrace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(podGrace).as(tree + ": image-generator terminationGracePeriodSeconds")
                .isGreaterThanOrEqualTo(grace.plusSeconds(15).toSeconds());
    }

    /** A duration property's production default, through its {@code ${VAR:default}}. */
    private static java.time.Duration seconds(ServiceConfig service, String property) {
        String value = service.properties().getProperty(property);
        java.util.regex.Matcher env = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}").matcher(value);
        String text = env.matches() ? env.group(1) : value;
        return java.time.Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT)); // 120s, 2m: Quarkus' short form
    }

    @Test
    void theAzureOverlayUsesWorkloadIdentityWithoutKeysOrSas() {
        Manifests m = Manifests.load("deploy/k8s/overlays/azure");
        for (String name : List.of("image-generator", "blob-uploader", "operator-console")) {
            ServiceAccount sa = m.serviceAccounts().stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(sa.getMetadata().getAnnotations()).containsKey("azure.workload.identity/client-id");
            Deployment d = m.deployment(name);
            assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(name);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("azure.workload.identity/use", "true");
        }
        assertThat(m.configMap("image-generator").getData()).containsEntry("AZURE_OPENAI_AUTH", "entra-id");
        Map<String, String> uploader = m.configMap("blob-uploader").getData();
        assertThat(uploader.get("AZURE_STORAGE_ACCOUNT_URL")).startsWith("https://").doesNotContain("?").doesNotContain("sig=");
        assertThat(uploader).doesNotContainKeys("AZURE_STORAGE_SAS_TOKEN", "AZURE_STORAGE_CONNECTION_STRING");
        // The console signs user-delegation SAS with its identity and logs people in through OIDC.
        Map<String, String> console = m.configMap("operator-console").getData();
        assertThat(console.get("AZURE_STORAGE_ACCOUNT_URL")).startsWith("https://").doesNotContain("?");
        assertThat(console).containsEntry("CONSOLE_OIDC_ENABLED", "true").containsKeys("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID");
        assertThat(Manifests.load(Manifests.BASE).configMap("operator-console").getData())
                .as("the base: local logins, REVIEW_MODE as the uploader's")
                .containsEntry("REVIEW_MODE", Manifests.load(Manifests.BASE).configMap("blob-uploader").getData().get("REVIEW_MODE"));
        m.deployments().forEach(d -> assertThat(d.getMetadata().getNamespace()).isEqualTo("catalog-image"));
        m.deployments().forEach(d -> assertThat(container(d, d.getMetadata().getName()).getImage()).contains(".azurecr.io/"));
    }

    @Test
    void noSecretIsCommitted() {
        try (var files = java.nio.file.Files.walk(Repo.path("deploy/k8s"))) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> assertThat(Repo.read(p))
                    .as(p + " must not define a Secret").doesNotContainPattern("(?m)^kind:\\s*Secret\\s*$"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Container container(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + d.getMetadata().getName() + " has no container " + name));
    }
}
