package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared steps of the end-to-end tests: a runner on free ports and the local stack, and reading the catalog back. */
final class EndToEnd {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private EndToEnd() {
    }

    /**
     * Logs, at DEBUG, the line that opens each product's work in each stage (RecordContext), with the product's MDC: what
     * {@link #logLines} reads to follow one product through the four services.
     */
    static final Map<String, String> TRACING_LINES =
            Map.of("QUARKUS_LOG_CATEGORY__COM_CATALOGIMAGE_MESSAGING_TRACING__LEVEL", "DEBUG");

    /** Starts everything locally, whatever this machine's environment names, and waits for the catalog to drain. */
    static PipelineRunner runDrained(Path folder, String mode, Duration scanInterval) {
        return runDrained(folder, mode, scanInterval, Map.of());
    }

    /** The same, with variables every service gets on top of this process's environment. */
    static PipelineRunner runDrained(Path folder, String mode, Duration scanInterval, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalStack.EXTERNAL.values().forEach(variables -> {
            for (String variable : variables.split("\\|")) {
                environment.remove(variable);
            }
        });
        environment.putAll(extra);
        // The stages only: ConsoleBrowserTest runs the console.
        PipelineRunner runner = PipelineRunner.start(new PipelineRunner.Options(folder, mode, scanInterval, false, environment)
                .withoutConsole());
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

    /** The service's JSON log lines (it logs JSON in the prod profile the runner starts it with); other lines are skipped. */
    static List<JsonNode> logLines(PipelineRunner runner, ServiceProcesses.Service service) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(runner.services().logFile(service))) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a line cut short by a process being killed
                }
            }
        }
        return lines;
    }

    static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
