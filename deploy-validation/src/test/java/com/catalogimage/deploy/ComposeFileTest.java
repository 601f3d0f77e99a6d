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
    /** The secret parts of a connection string: each must be a reference, whatever the rest of the string is. */
    static final Pattern SECRET_PART = Pattern.compile("(?i)(?:password|pwd|accountkey|sharedaccesssignature)=([^;]*)");
    static final JsonNode DEV = Repo.yaml("docker-compose.dev.yml");
    /** The login deploy/sql/004-dab-login.sql creates for DAB. */
    static final Pattern LOGIN = Pattern.compile("CREATE LOGIN \\[(\\w+)]");

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
                if (key.endsWith("CONNECTION_STRING") && !REFERENCE_ONLY.matcher(value).matches()) {
                    Matcher part = SECRET_PART.matcher(value);
                    assertThat(part.find()).as(name + " " + key + ": a composed connection string names its secret").isTrue();
                    do {
                        assertThat(part.group(1)).as(name + " " + key + ": its secret must be a reference").matches(REFERENCE_ONLY);
                    } while (part.find());
                } else {
                    assertThat(value).as(name + " " + key + " must be ${VAR}, ${VAR:-} or ${VAR:?msg}").matches(REFERENCE_ONLY);
                }
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

    @Test
    void everyPortIsPublishedOnLoopbackOnly() {
        List<JsonNode> files = List.of(COMPOSE, DEV);
        int published = 0;
        for (JsonNode file : files) {
            for (var service : (Iterable<Map.Entry<String, JsonNode>>) file.path("services")::fields) {
                for (JsonNode port : service.getValue().path("ports")) {
                    String what = service.getKey() + " port " + port;
                    if (port.isObject()) {
                        assertThat(port.path("host_ip").asText()).as(what).isEqualTo("127.0.0.1");
                    } else {
                        assertThat(port.asText()).as(what + ": \"127.0.0.1:HOST:CONTAINER\"")
                                .matches("127\\.0\\.0\\.1:(\\d+|\\$\\{[A-Z_]+(:-\\d+)?}):\\d+");
                    }
                    published++;
                }
            }
        }
        assertThat(published).as("ports found").isGreaterThanOrEqualTo(9);
    }

    @Test
    void dabLogsInAsItsOwnLeastPrivilegedLoginNeverSa() {
        Map<String, String> dab = environment(services().get("dab"));
        Map<String, String> connection = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String pair : dab.get("DATABASE_CONNECTION_STRING").split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                connection.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        String user = connection.getOrDefault("User ID", connection.getOrDefault("UID", connection.get("User")));
        Matcher login = LOGIN.matcher(Repo.read("deploy/sql/004-dab-login.sql"));
        assertThat(login.find()).as("004-dab-login.sql creates a login").isTrue();
        assertThat(user).as("DAB's SQL login").isEqualTo(login.group(1)).isNotEqualToIgnoringCase("sa");
        assertThat(connection.get("Password")).matches(REFERENCE_ONLY).contains("DAB_SQL_PASSWORD")
                .doesNotContain("MSSQL_SA_PASSWORD");
        assertThat(connection.get("Database")).isEqualTo(environment(services().get("sql-init")).get("SQL_DATABASE"));
        assertThat(environment(services().get("sql-init"))).containsKey("DAB_SQL_PASSWORD");
        assertThat(Repo.read("deploy/sql/apply.sh")).contains("-i \"$DIR/004-dab-login.sql\"");
        services().forEach((name, s) -> {
            if (!name.equals("sqlserver") && !name.equals("sql-init")) {
                assertThat(environment(s).values()).as(name + " never sees the sa password")
                        .noneMatch(v -> v.contains("MSSQL_SA_PASSWORD"));
            }
        });
        assertThat(Repo.read(".env.example")).as("no sa connection string to copy").doesNotContainPattern("(?i)User ID=sa\\b")
                .doesNotContain("DATABASE_CONNECTION_STRING=");
    }

    @Test
    void theSimulatorIsOnlyInTheNamedDevelopmentOverride() throws Exception {
        JsonNode dab = services().get("dab");
        assertThat(dab.path("volumes").get(0).asText()).isEqualTo("./deploy/dab/dab-config.json:/App/dab-config.json:ro");
        JsonNode production = Repo.JSON.readTree(Repo.read("deploy/dab/dab-config.json"));
        assertThat(production.at("/runtime/host/authentication/provider").asText()).isEqualTo("EntraID");
        assertThat(production.at("/runtime/host/mode").asText()).isEqualTo("production");
        assertThat(environment(dab)).containsKeys("DAB_JWT_AUDIENCE", "DAB_JWT_ISSUER");
        assertThat(environment(dab).get("DAB_JWT_AUDIENCE")).matches(REFERENCE_ONLY);
        assertThat(environment(dab).get("DAB_JWT_ISSUER")).matches(REFERENCE_ONLY);

        // docker-compose.dev.yml changes DAB's configuration file and nothing else
        assertThat(DEV.path("services").size()).isEqualTo(1);
        JsonNode devDab = DEV.at("/services/dab");
        assertThat(devDab.size()).as("the dev override touches only DAB's volumes").isEqualTo(1);
        assertThat(devDab.path("volumes").get(0).asText())
                .isEqualTo("./deploy/dab/dab-config.development.json:/App/dab-config.json:ro");
        JsonNode development = Repo.JSON.readTree(Repo.read("deploy/dab/dab-config.development.json"));
        assertThat(development.at("/runtime/host/authentication/provider").asText()).isEqualTo("Simulator");

        // no other compose or DAB file mentions the Simulator
        assertThat(Repo.read("docker-compose.yml")).doesNotContain("\"Simulator\"").doesNotContain("dab-config.development");
        try (var files = java.nio.file.Files.list(Repo.path("deploy/dab"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("dab-config.json", "dab-config.development.json");
        }
    }
}
