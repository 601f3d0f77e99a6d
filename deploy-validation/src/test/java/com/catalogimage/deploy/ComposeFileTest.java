package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: pinned images, health checks, start order, secrets only by reference, what the services read. */
class ComposeFileTest {

    static final JsonNode COMPOSE = Repo.yaml("docker-compose.yml");
    /** A whole value that is only a reference to the environment: ${VAR}, ${VAR:-} or ${VAR:?message}. */
    static final Pattern REFERENCE_ONLY = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:-|:\\?[^}]*)?}");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[-?])?([^}]*)}");

    static Map<String, JsonNode> services() {
        Map<String, JsonNode> map = new TreeMap<>();
        COMPOSE.get("services").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** One-shot jobs: they run to completion, so they have no health check and others wait for their success. */
    static boolean oneShot(JsonNode service) {
        return "no".equals(service.path("restart").asText());
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void everyImageIsPinned() {
        services().forEach((name, s) -> {
            String image = s.path("image").asText();
            assertThat(image).as(name + " image").isNotEmpty();
            assertThat(image).as(name + " image pinned to a version or digest")
                    .matches(".+(:[A-Za-z0-9._-]*\\d[A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})")
                    .doesNotEndWith(":latest");
        });
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndEveryDependencyACondition() {
        Map<String, JsonNode> services = services();
        services.forEach((name, s) -> {
            if (oneShot(s)) {
                assertThat(s.has("healthcheck")).as(name + " is a one-shot job").isFalse();
            } else {
                assertThat(s.path("healthcheck").path("test").isArray()).as(name + " health check").isTrue();
                assertThat(s.path("healthcheck").path("test").get(0).asText()).isIn("CMD", "CMD-SHELL");
            }
            s.path("depends_on").fields().forEachRemaining(dep -> {
                JsonNode target = services.get(dep.getKey());
                assertThat(target).as(name + " depends on unknown " + dep.getKey()).isNotNull();
                String condition = dep.getValue().path("condition").asText();
                assertThat(condition).as(name + " -> " + dep.getKey())
                        .isEqualTo(oneShot(target) ? "service_completed_successfully" : "service_healthy");
                if (target.has("profiles")) {
                    assertThat(dep.getValue().path("required").asBoolean(true))
                            .as(name + " needs " + dep.getKey() + ", which only runs in a profile: required: false").isFalse();
                }
            });
        });
        assertThat(services).containsKeys("kafka", "kafka-topics", "azurite", "sqlserver", "sql-init", "dab", "image-api-emulator");
        assertThat(services.get("image-api-emulator").path("profiles").get(0).asText()).isEqualTo("emulator");
    }

    @Test
    void secretsAreOnlyReferencesToTheGitIgnoredEnvFile() {
        services().forEach((name, s) -> environment(s).forEach((key, value) -> {
            if (KubernetesManifestsTest.SECRET_NAME.matcher(key).matches()) {
                assertThat(value).as(name + " " + key + " must be ${VAR}, ${VAR:-} or ${VAR:?msg}").matches(REFERENCE_ONLY);
            }
        }));
        assertThat(Repo.read(".gitignore")).containsPattern("(?m)^\\.env$");
        // every variable compose needs without a default is in .env.example
        Set<String> example = new TreeSet<>();
        Repo.read(".env.example").lines().filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*"))
                .forEach(l -> example.add(l.substring(0, l.indexOf('='))));
        Matcher m = VARIABLE.matcher(Repo.read("docker-compose.yml"));
        while (m.find()) {
            if (m.group(2) == null || m.group(2).equals(":?")) {
                assertThat(example).as(".env.example must define " + m.group(1)).contains(m.group(1));
            }
        }
    }

    @Test
    void theServicesGetThePortsHealthPathsAndVariablesTheyRead() {
        Map<String, JsonNode> compose = services();
        for (ServiceConfig service : ServiceConfig.all()) {
            JsonNode s = compose.get(service.name());
            assertThat(s).as("compose service " + service.name()).isNotNull();
            Map<String, String> env = environment(s);
            assertThat(service.envVars()).as(service.name() + ": variables set that the service never reads")
                    .containsAll(env.keySet());
            assertThat(env.keySet()).as(service.name() + ": variables whose default only works on a laptop")
                    .containsAll(service.envVarsRequiredInContainers());
            List<String> test = new ArrayList<>();
            s.path("healthcheck").path("test").forEach(t -> test.add(t.asText()));
            assertThat(String.join(" ", test)).as(service.name() + " health check")
                    .contains("http://localhost:" + service.httpPort() + "/q/health/ready");
            assertThat(s.path("ports").get(0).asText()).endsWith(":" + service.httpPort());
            String dockerfile = s.path("build").path("dockerfile").asText();
            String text = Repo.read(dockerfile);
            assertThat(text).as(dockerfile).containsPattern("(?m)^EXPOSE " + service.httpPort() + "$")
                    .containsPattern("(?m)^USER \\d+$")
                    .containsPattern("(?m)^FROM \\S+:\\S+$")
                    .contains("COPY --chown=185 " + service.name() + "/target/quarkus-app/lib/ /deployments/lib/");
            assertThat(s.path("build").path("context").asText()).isEqualTo(".");
        }
        assertThat(environment(compose.get("kafka-topics"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(compose.get("dab").path("volumes").get(0).asText())
                .isEqualTo("./deploy/dab/dab-config.json:/App/dab-config.json:ro");
    }

    @Test
    void theServicesReachTheInfrastructureByItsComposeNames() {
        Map<String, JsonNode> compose = services();
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, String> env = environment(compose.get(service.name()));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            if (env.containsKey("DAB_URL")) {
                assertThat(env.get("DAB_URL")).isEqualTo("http://dab:5000");
                assertThat(env.get("DAB_REST_PATH")).isEqualTo(Repo.read("deploy/dab/dab-config.json").contains("\"path\": \"/api\"") ? "/api" : "?");
            }
        }
    }
}
