package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Shared steps of the end-to-end tests: a runner on free ports and the local stack, and reading the catalog back. */
final class EndToEnd {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private EndToEnd() {
    }

    /** Starts everything locally, whatever this machine's environment names, and waits for the catalog to drain. */
    static PipelineRunner runDrained(Path folder, String mode, Duration scanInterval) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalStack.EXTERNAL.values().forEach(variables -> {
            for (String variable : variables.split("\\|")) {
                environment.remove(variable);
            }
        });
        PipelineRunner runner = PipelineRunner.start(new PipelineRunner.Options(folder, mode, scanInterval, false, environment));
        runner.services().awaitReady(Duration.ofMinutes(3));
        boolean drained = runner.awaitDrained(Duration.ofMinutes(5), line -> System.out.println("[e2e " + mode + "] " + line));
        System.out.println(runner.report().render());
        assertThat(drained).as("catalog drained").isTrue();
        return runner;
    }

    /** Every product row as DAB's table entity returns it, by id. */
    static Map<Long, JsonNode> catalog(PipelineRunner runner) throws Exception {
        JsonNode page = getJson(runner.stack().dab().baseUri() + "/api/Products?%24first=-1");
        Map<Long, JsonNode> rows = new HashMap<>();
        page.path("value").forEach(row -> rows.put(row.path("Id").asLong(), row));
        return rows;
    }

    static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
