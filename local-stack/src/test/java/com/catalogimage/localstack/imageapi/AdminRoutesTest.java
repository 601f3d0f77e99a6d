package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.catalogimage.localstack.http.LoopbackOnlyRoutesTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /admin/} routes drive the same faults, counters and settings as the Java API. */
class AdminRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GENERATE = "/openai/deployments/gpt-image-1-mini/images/generations?api-version=2025-04-01-preview";

    private ImageApiEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
                .header("api-key", "local-dev-key")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int generate(String user) throws Exception {
        return call("POST", GENERATE, "{\"prompt\":\"Product Name: Mug\",\"quality\":\"low\",\"user\":\"" + user + "\"}")
                .statusCode();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonHttpServer.JSON.readTree(response.body());
    }

    @Test
    void statsShowGenerationsDuplicatesAndReset() throws Exception {
        assertThat(generate("a")).isEqualTo(200);
        assertThat(generate("a")).isEqualTo(200);
        JsonNode stats = json(call("GET", "/admin/stats", null));
        assertThat(stats.get("generations").asLong()).isEqualTo(2);
        assertThat(stats.at("/generationsByRequestId/a").asLong()).isEqualTo(2);
        assertThat(stats.get("duplicateRequestIds").get(0).asText()).isEqualTo("a");
        assertThat(stats.at("/deployments/gpt-image-1-mini/requests").asLong()).isEqualTo(2);
        assertThat(stats.at("/responsesByStatus/200").asLong()).isEqualTo(2);

        assertThat(call("POST", "/admin/stats/reset", null).statusCode()).isEqualTo(204);
        assertThat(emulator.stats().generations()).isZero();
    }

    @Test
    void faultsCanBeSetAndCleared() throws Exception {
        HttpResponse<String> set = call("POST", "/admin/faults",
                "{\"deployment\":\"gpt-image-1-mini\",\"failNext\":{\"status\":503,\"count\":1},\"resourceBlocked\":false}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).at("/gpt-image-1-mini/failNext/0/status").asInt()).isEqualTo(503);
        assertThat(generate("x")).isEqualTo(503);
        assertThat(generate("x")).isEqualTo(200);

        call("POST", "/admin/faults", "{\"resourceBlocked\":true}");
        assertThat(generate("y")).isEqualTo(403);
        assertThat(call("DELETE", "/admin/faults", null).statusCode()).isEqualTo(204);
        assertThat(generate("y")).isEqualTo(200);

        call("POST", "/admin/faults", "{\"failFor\":{\"status\":500,\"seconds\":30}}");
        assertThat(generate("z")).isEqualTo(500);
        assertThat(generate("z")).isEqualTo(500);
    }

    @Test
    void configChangesLatencyRateLimitAndBlockedTerms() throws Exception {
        HttpResponse<String> set = call("POST", "/admin/config", "{\"latencyMs\":200,\"requestsPerMinute\":"
                + "{\"gpt-image-1-mini\":6},\"blockedTerms\":[\"mug\"],\"policyErrorStyle\":\"CONTENT_FILTER\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).at("/requestsPerMinute/gpt-image-1-mini").asInt()).isEqualTo(6);

        long start = System.nanoTime();
        HttpResponse<String> blocked = call("POST", GENERATE, "{\"prompt\":\"a MUG\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(blocked.statusCode()).isEqualTo(400);
        assertThat(json(blocked).at("/error/code").asText()).isEqualTo("contentFilter");

        assertThat(call("POST", GENERATE, "{\"prompt\":\"a cup\"}").statusCode()).isEqualTo(429);

        assertThat(call("POST", "/admin/config", "{\"requestsPerMinute\":{\"nope\":6}}").statusCode()).isEqualTo(400);
        assertThat(json(call("GET", "/admin/config", null)).get("latencyMs").asLong()).isEqualTo(200);
    }

    @Test
    void onEveryInterfaceTheApiIsReachableButTheAdminRoutesOnlyFromLoopback() throws Exception {
        Optional<InetAddress> other = LoopbackOnlyRoutesTest.nonLoopbackAddress();
        assumeTrue(other.isPresent(), "no non-loopback interface address here; LoopbackOnlyRoutesTest checks the address test");
        try (ImageApiEmulator open = ImageApiEmulator.start(ImageApiEmulator.Options.defaults()
                .withBind(InetAddress.getByName("0.0.0.0")))) {
            String remote = "http://" + other.get().getHostAddress() + ":" + open.port();
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(remote + "/admin/faults"))
                    .header("api-key", "local-dev-key").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"failNext\":{\"status\":503,\"count\":5}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).at("/error/code").asText()).isEqualTo("Forbidden");
            HttpResponse<String> generated = HTTP.send(HttpRequest.newBuilder(URI.create(remote + GENERATE))
                    .header("api-key", "local-dev-key").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prompt\":\"Product Name: Mug\",\"quality\":\"low\",\"user\":\"r\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(generated.statusCode()).as("the refused fault was never injected; the API answers everyone").isEqualTo(200);
            HttpResponse<String> local = HTTP.send(HttpRequest.newBuilder(URI.create(open.baseUri() + "/admin/stats")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).isEqualTo(200);
            assertThat(json(local).get("generations").asLong()).isEqualTo(1);
        }
    }

    @Test
    void visionRulesChatTermsChatFaultsAndChatCountersHaveAdminRoutes() throws Exception {
        HttpResponse<String> added = call("POST", "/admin/vision/rules",
                "{\"term\":\"Lava\",\"times\":2,\"check\":\"noTextOrLogos\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(json(added).at("/rules/0/term").asText()).isEqualTo("Lava");
        assertThat(json(call("GET", "/admin/vision/rules", null)).at("/rules/0/times").asInt()).isEqualTo(2);
        assertThat(emulator.visionRules().describe()).hasSize(1);
        assertThat(call("POST", "/admin/vision/rules", "{\"term\":\"x\",\"check\":\"prettiness\"}").statusCode())
                .isEqualTo(400);
        assertThat(call("DELETE", "/admin/vision/rules", null).statusCode()).isEqualTo(204);
        assertThat(emulator.visionRules().describe()).isEmpty();

        assertThat(call("POST", "/admin/config", "{\"chatBlockedTerms\":[\"Forbidden\"],\"chatRefusalTerms\":[\"no\"]}")
                .statusCode()).isEqualTo(200);
        assertThat(emulator.config().chatBlockedTerms()).containsExactly("forbidden");
        assertThat(json(call("GET", "/admin/config", null)).at("/chatRefusalTerms/0").asText()).isEqualTo("no");

        assertThat(call("POST", "/admin/faults", "{\"deployment\":\"gpt-5-mini\",\"failNext\":{\"status\":502,"
                + "\"count\":1},\"delayMs\":5}").statusCode()).isEqualTo(200);
        String chat = "/openai/deployments/gpt-5-mini/chat/completions?api-version=2025-04-01-preview";
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThat(call("POST", chat, body).statusCode()).isEqualTo(502);
        assertThat(call("POST", chat, body).statusCode()).isEqualTo(200);
        JsonNode stats = json(call("GET", "/admin/stats", null));
        assertThat(stats.at("/chat/completions").asLong()).isEqualTo(1);
        assertThat(stats.at("/chat/bySchema/text").asLong()).isEqualTo(1);
        assertThat(stats.at("/deployments/gpt-5-mini/requests").asLong()).isEqualTo(2);
        assertThat(stats.at("/deployments/gpt-5-mini/chatCompletions").asLong()).isEqualTo(1);
        assertThat(stats.get("generations").asLong()).isZero();
    }
}
