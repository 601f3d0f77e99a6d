package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/dab/dab-config.json against the calls the services make. The calls are read from the services' own REST
 * clients ({@code Dab*Client.java}: verb, path, query parameters, body record), not listed here by hand.
 */
class DabConfigTest {

    static final JsonNode DAB = read();
    static final String ROLE = "pipeline";
    /** deploy/sql's optional alt text column (005), which compose and Kubernetes set as CATALOG_ALT_TEXT_COLUMN. */
    static final String ALT_TEXT_COLUMN = "ImageAltText";
    private static final Pattern CALL = Pattern.compile(
            "@(GET|POST|PATCH|PUT|DELETE)\\s+@Path\\(\"/(\\w+)[^\"]*\"\\)(.*?);", Pattern.DOTALL);
    private static final Pattern QUERY = Pattern.compile("@QueryParam\\(\"([^\"$]\\w*)\"\\)");
    private static final Pattern BODY = Pattern.compile("\\b(\\w+)\\s+\\w+\\)\\s*$");
    private static final Pattern FIELDS = Pattern.compile("static final String \\w+ = \"(Id(?:,\\w+)*)\"");

    record Call(String service, String verb, String entity, List<String> parameters) {
    }

    private static JsonNode read() {
        try {
            return Repo.JSON.readTree(Repo.read("deploy/dab/dab-config.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            for (Path client : sources(service.name(), ".java").stream()
                    .filter(p -> p.getFileName().toString().matches("Dab\\w*Client\\.java")).toList()) {
                Matcher m = CALL.matcher(Repo.read(client));
                while (m.find()) {
                    List<String> params = new ArrayList<>();
                    Matcher q = QUERY.matcher(m.group(3));
                    while (q.find()) {
                        params.add(q.group(1));
                    }
                    Matcher body = BODY.matcher(m.group(3).replaceAll("\\s+", " ").trim());
                    if (body.find() && !m.group(3).contains("@PathParam(\"id\") long id)")) {
                        params.addAll(recordFields(service.name(), body.group(1)));
                    }
                    calls.add(new Call(service.name(), m.group(1), m.group(2), params));
                }
            }
        }
        return calls;
    }

    /** The JSON names of a body record's components ({@code @JsonProperty}). */
    static List<String> recordFields(String module, String record) {
        Pattern decl = Pattern.compile("record " + record + "\\(([^)]*(?:\\)[^)]*)*?)\\)\\s*\\{");
        for (Path p : sources(module, ".java")) {
            Matcher m = decl.matcher(Repo.read(p));
            if (m.find()) {
                List<String> names = new ArrayList<>();
                Matcher j = Pattern.compile("@JsonProperty\\(\"(\\w+)\"\\)").matcher(m.group(1));
                while (j.find()) {
                    names.add(j.group(1));
                }
                return names;
            }
        }
        return List.of();
    }

    static List<Path> sources(String module, String suffix) {
        try (Stream<Path> files = Files.walk(Repo.path(module).resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> actions(JsonNode entity, String role) {
        Set<String> actions = new LinkedHashSet<>();
        entity.path("permissions").forEach(p -> {
            if (p.path("role").asText().equals(role)) {
                p.path("actions").forEach(a -> actions.add(a.isTextual() ? a.asText() : a.path("action").asText()));
            }
        });
        return actions;
    }

    @Test
    void theServicesCallsAreFound() {
        List<Call> calls = calls();
        assertThat(calls).extracting(c -> c.service() + " " + c.verb() + " " + c.entity()).contains(
                "product-scanner GET Products", "product-scanner GET Categories", "product-scanner GET GetProducts",
                "catalog-updater PATCH Products", "catalog-updater GET GetProducts", "catalog-updater POST UpdateProductImageUrl");
        assertThat(calls).filteredOn(c -> c.entity().equals("UpdateProductImageUrl")).allSatisfy(c ->
                assertThat(c.parameters()).containsExactly("ProductID", "ImageUrl", "ImageAltText", "ExpectedImageUrl"));
    }

    @Test
    void everyCallIsExposedAndPermittedToThePipelineRole() {
        assertThat(DAB.at("/runtime/rest/path").asText()).isEqualTo("/api");
        assertThat(DAB.at("/data-source/connection-string").asText()).isEqualTo("@env('DATABASE_CONNECTION_STRING')");
        var procedures = SqlScriptsTest.procedures();
        for (Call call : calls()) {
            String what = call.service() + " " + call.verb() + " " + call.entity();
            JsonNode entity = DAB.path("entities").path(call.entity());
            assertThat(entity.isObject()).as(what + ": entity in dab-config.json").isTrue();
            assertThat(entity.path("rest").path("enabled").asBoolean(true)).as(what).isTrue();
            Set<String> granted = actions(entity, ROLE);
            if (entity.at("/source/type").asText().equals("stored-procedure")) {
                assertThat(entity.at("/rest/methods")).as(what).extracting(JsonNode::asText)
                        .contains(call.verb().toLowerCase(Locale.ROOT));
                assertThat(granted).as(what).contains("execute");
                String proc = entity.at("/source/object").asText().replace("dbo.", "");
                assertThat(procedures).as(what + ": procedure created by 002-procedures.sql").containsKey(proc);
                assertThat(procedures.get(proc)).as(what + ": parameters").containsKeys(call.parameters().toArray(String[]::new));
            } else {
                assertThat(granted).as(what).contains(call.verb().equals("GET") ? "read" : "update");
                if (call.verb().equals("PATCH")) {
                    List<String> body = new ArrayList<>(recordFields(call.service(), "ImageUrlPatch"));
                    assertThat(body).containsExactly("ImageUrl");
                    // the alt text column is named by configuration (CATALOG_ALT_TEXT_COLUMN), not by the record
                    body.add(ALT_TEXT_COLUMN);
                    assertThat(updateFields(entity)).as(what + ": update limited to the fields it writes").containsExactlyElementsOf(body);
                }
            }
        }
    }

    private static List<String> updateFields(JsonNode entity) {
        List<String> fields = new ArrayList<>();
        entity.path("permissions").forEach(p -> {
            if (p.path("role").asText().equals(ROLE)) {
                p.path("actions").forEach(a -> {
                    if (a.path("action").asText().equals("update")) {
                        a.at("/fields/include").forEach(f -> fields.add(f.asText()));
                    }
                });
            }
        });
        return fields;
    }

    @Test
    void theFieldsTheServicesSelectAreReadable() throws Exception {
        List<String> columns;
        try (var c = SqlScriptsTest.applied(); var st = c.createStatement()) {
            columns = SqlScriptsTest.columns(st, "Products");
        }
        JsonNode products = DAB.at("/entities/Products");
        assertThat(products.at("/source/object").asText()).isEqualTo("dbo.Products");
        for (String module : List.of("product-scanner", "catalog-updater")) {
            for (Path p : sources(module, ".java")) {
                Matcher m = FIELDS.matcher(Repo.read(p));
                while (m.find()) {
                    for (String field : m.group(1).split(",")) {
                        assertThat(columns).as(module + " selects " + field).contains(field);
                    }
                    // a read permission without a field list grants every column
                    products.path("permissions").forEach(perm -> perm.path("actions").forEach(a -> {
                        if (perm.path("role").asText().equals(ROLE) && a.path("action").asText().equals("read")) {
                            assertThat(a.has("fields")).as("pipeline read on Products must not be narrowed below " + m.group(1)).isFalse();
                        }
                    }));
                }
            }
        }
    }

    @Test
    void theDeploymentsWriteAltTextToTheColumnDeploySqlAdds() {
        assertThat(Repo.read("deploy/sql/005-image-alt-text.sql")).contains("N'" + ALT_TEXT_COLUMN + "'")
                .contains("ADD " + ALT_TEXT_COLUMN + " NVARCHAR(125) NULL");
        assertThat(Repo.read("docker-compose.yml")).contains("CATALOG_ALT_TEXT_COLUMN: ${CATALOG_ALT_TEXT_COLUMN-"
                + ALT_TEXT_COLUMN + "}");
        assertThat(Repo.read("deploy/k8s/base/catalog-updater.yaml")).contains("CATALOG_ALT_TEXT_COLUMN: \""
                + ALT_TEXT_COLUMN + "\"");
        assertThat(Repo.read("catalog-updater/src/main/resources/application.properties"))
                .contains("updater.alt-text-column=${CATALOG_ALT_TEXT_COLUMN:}");
    }

    @Test
    void noAnonymousWritesAnywhere() {
        DAB.path("entities").fields().forEachRemaining(e -> {
            JsonNode entity = e.getValue();
            boolean procedure = entity.at("/source/type").asText().equals("stored-procedure");
            boolean writing = procedure && (entity.at("/rest/methods").toString().contains("post")
                    || "mutation".equals(entity.at("/graphql/operation").asText()));
            for (String role : List.of("anonymous", "authenticated")) {
                Set<String> actions = actions(entity, role);
                assertThat(actions).as(e.getKey() + " " + role).doesNotContain("create", "update", "delete", "*");
                if (writing) {
                    assertThat(actions).as(e.getKey() + " writes: no " + role + " execute").doesNotContain("execute");
                }
            }
        });
    }

    @Test
    void productionChecksEntraIdTokensForTheAudienceAndIssuerTheEnvironmentNames() {
        JsonNode auth = DAB.at("/runtime/host/authentication");
        assertThat(auth.path("provider").asText()).isEqualTo("EntraID");
        // DAB's schema: EntraID requires jwt.audience and jwt.issuer; @env() is resolved wherever a string is expected
        assertThat(auth.at("/jwt/audience").asText()).isEqualTo("@env('DAB_JWT_AUDIENCE')");
        assertThat(auth.at("/jwt/issuer").asText()).isEqualTo("@env('DAB_JWT_ISSUER')");
        assertThat(auth.size()).isEqualTo(2);
        assertThat(DAB.at("/runtime/host/mode").asText()).as("production mode: no error details, no open /health")
                .isEqualTo("production");
    }

    /** The development configuration: the production one with development mode and the Simulator, and nothing else. */
    static JsonNode development() {
        ObjectNode rendered = DAB.deepCopy();
        ObjectNode host = (ObjectNode) rendered.at("/runtime/host");
        host.set("authentication", Repo.JSON.createObjectNode().put("provider", "Simulator"));
        host.put("mode", "development");
        return rendered;
    }

    @Test
    void theDevelopmentConfigurationIsTheProductionOneWithTheSimulator() throws Exception {
        String file = "deploy/dab/dab-config.development.json";
        JsonNode rendered = development();
        if (Boolean.getBoolean("deploy.regenerate")) {
            Files.writeString(Repo.path(file), Repo.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rendered) + "\n",
                    StandardCharsets.UTF_8);
        }
        assertThat(Repo.JSON.readTree(Repo.read(file))).as(file + " drifted from dab-config.json; regenerate it"
                + " (-Ddeploy.regenerate=true)").isEqualTo(rendered);
        assertThat(rendered.at("/runtime/host/authentication/jwt").isMissingNode())
                .as("DAB refuses jwt settings with a provider that is not JWT").isTrue();
    }
}
