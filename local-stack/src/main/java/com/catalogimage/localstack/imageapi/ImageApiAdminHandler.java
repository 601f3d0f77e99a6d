package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test and operator controls under {@code /admin/}. None of this exists on Azure; it is here so a local run (or a test
 * in another process) can drive the same faults, counters and settings as the Java API. Open without a key, so they
 * answer loopback callers only: anyone else, e.g. another container when the emulator listens on every interface, gets
 * 403 {@code {"error":{"code":"Forbidden","message":...}}} (see {@link #refuse}).
 *
 * <pre>
 * GET    /admin/stats          counters (see {@link ImageApiStats}), with "edits" and "receivedEdits" (each edit's
 *                              deployment, references' sha256/sizeBytes/contentType/filename/width/height,
 *                              maskPresent, inputFidelity, prompt, n)
 * POST   /admin/stats/reset    zero them
 * GET    /admin/faults         the active faults
 * POST   /admin/faults         add faults, e.g. {"deployment":"gpt-image-1-mini", "failNext":{"status":503,"count":2},
 *                              "failFor":{"status":500,"seconds":30}, "failureProbability":0.05,
 *                              "timeoutProbability":0.02, "timeoutNext":1, "timeoutHoldSeconds":120,
 *                              "resourceBlocked":true, "delayMs":2000, "seed":7}
 *                              (every field optional; no deployment = all)
 * DELETE /admin/faults         clear all faults (?deployment=x: only that deployment's)
 * GET    /admin/config         settings in force
 * POST   /admin/config         {"latencyMs":300, "jitterMs":50, "requestsPerMinute":{"gpt-image-1-mini":6},
 *                              "blockedTerms":["jeans"], "policyErrorStyle":"CONTENT_FILTER",
 *                              (MODEL_DEFAULT | CONTENT_POLICY_VIOLATION | MODERATION_BLOCKED | CONTENT_FILTER)
 *                              "chatBlockedTerms":["forbidden"], "chatRefusalTerms":["decline"]}   (every field optional)
 * GET    /admin/vision/rules   the vision rules in force (see {@link VisionRules})
 * POST   /admin/vision/rules   add one: {"term":"Lava","times":1,"check":"noTextOrLogos"}   (times -1 = always)
 * DELETE /admin/vision/rules   clear them
 * </pre>
 * A malformed admin request gets 400 {@code {"error":{"code":"BadRequest","message":...}}}.
 */
final class ImageApiAdminHandler implements HttpHandler {

    private final ImageApiEmulator emulator;

    ImageApiAdminHandler(ImageApiEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT) + " " + stripSlash(exchange.getRequestURI().getPath());
        try {
            switch (route) {
                case "GET /admin/stats" -> JsonHttpServer.sendJson(exchange, 200, stats());
                case "POST /admin/stats/reset" -> {
                    emulator.stats().reset();
                    JsonHttpServer.send(exchange, 204, null, null);
                }
                case "GET /admin/faults" -> JsonHttpServer.sendJson(exchange, 200, emulator.faults().describe());
                case "POST /admin/faults" -> {
                    applyFaults(body(exchange));
                    JsonHttpServer.sendJson(exchange, 200, emulator.faults().describe());
                }
                case "DELETE /admin/faults" -> {
                    String deployment = JsonHttpServer.query(exchange).get("deployment");
                    (deployment == null ? emulator.faults() : emulator.faults().forDeployment(deployment)).clear();
                    JsonHttpServer.send(exchange, 204, null, null);
                }
                case "GET /admin/vision/rules" -> JsonHttpServer.sendJson(exchange, 200,
                        Map.of("rules", emulator.visionRules().describe()));
                case "POST /admin/vision/rules" -> {
                    JsonNode rule = body(exchange);
                    if (!rule.path("term").isTextual() || !rule.path("check").isTextual()) {
                        throw new IllegalArgumentException("a rule needs \"term\" and \"check\" (and \"times\", default 1)");
                    }
                    emulator.visionRules().fail(rule.get("term").asText(), rule.path("times").asInt(1),
                            rule.get("check").asText());
                    JsonHttpServer.sendJson(exchange, 200, Map.of("rules", emulator.visionRules().describe()));
                }
                case "DELETE /admin/vision/rules" -> {
                    emulator.visionRules().clear();
                    JsonHttpServer.send(exchange, 204, null, null);
                }
                case "GET /admin/config" -> JsonHttpServer.sendJson(exchange, 200, config());
                case "POST /admin/config" -> {
                    emulator.configure(parseConfig(body(exchange)));
                    JsonHttpServer.sendJson(exchange, 200, config());
                }
                default -> JsonHttpServer.sendJson(exchange, 404,
                        Map.of("error", Map.of("code", "NotFound", "message", "No admin route " + route)));
            }
        } catch (IllegalArgumentException | IOException badRequest) {
            JsonHttpServer.sendJson(exchange, 400,
                    Map.of("error", Map.of("code", "BadRequest", "message", String.valueOf(badRequest.getMessage()))));
        }
    }

    /** The answer to an admin request from beyond loopback, in the emulator's error shape. */
    static void refuse(HttpExchange exchange) throws IOException {
        JsonHttpServer.sendJson(exchange, 403, Map.of("error", Map.of("code", "Forbidden",
                "message", "The emulator's admin routes answer callers on its own host only.")));
    }

    private Map<String, Object> stats() {
        ImageApiStats stats = emulator.stats();
        Map<String, Object> deployments = new LinkedHashMap<>();
        for (String name : emulator.deployments().keySet()) {
            deployments.put(name, Map.of("requests", stats.requests(name), "throttled", stats.throttled(name),
                    "generations", stats.generationsForDeployment(name),
                    "chatCompletions", stats.chatCompletionsForDeployment(name)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generations", stats.generations());
        out.put("images", stats.images());
        out.put("deployments", deployments);
        out.put("requestsByDeployment", stats.requestsByDeployment());
        out.put("responsesByStatus", stats.responsesByStatus());
        out.put("generationsByRequestId", stats.generationsByRequestId());
        out.put("duplicateRequestIds", stats.duplicateRequestIds());
        out.put("generationsByPrompt", stats.generationsByPrompt());
        out.put("edits", stats.edits());
        out.put("receivedEdits", stats.receivedEdits());
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("completions", stats.chatCompletions());
        chat.put("bySchema", stats.chatCompletionsBySchema());
        chat.put("promptTokens", stats.chatPromptTokens());
        chat.put("completionTokens", stats.chatCompletionTokens());
        out.put("chat", chat);
        return out;
    }

    private void applyFaults(JsonNode body) {
        ImageApiFaults faults = body.hasNonNull("deployment")
                ? emulator.faults().forDeployment(body.get("deployment").asText()) : emulator.faults();
        if (body.hasNonNull("seed")) {
            faults.seed(body.get("seed").asLong());
        }
        if (body.hasNonNull("failNext")) {
            JsonNode failNext = body.get("failNext");
            faults.failNext(failNext.path("status").asInt(500), failNext.path("count").asInt(1));
        }
        if (body.hasNonNull("failFor")) {
            JsonNode failFor = body.get("failFor");
            faults.failFor(failFor.path("status").asInt(500),
                    Duration.ofMillis((long) (failFor.path("seconds").asDouble(0) * 1000)));
        }
        if (body.hasNonNull("failureProbability")) {
            faults.failureProbability(body.get("failureProbability").asDouble());
        }
        if (body.hasNonNull("timeoutProbability")) {
            faults.timeoutProbability(body.get("timeoutProbability").asDouble());
        }
        if (body.hasNonNull("timeoutNext")) {
            faults.timeoutNext(body.get("timeoutNext").asInt());
        }
        if (body.hasNonNull("timeoutHoldSeconds")) {
            faults.timeoutHold(Duration.ofMillis((long) (body.get("timeoutHoldSeconds").asDouble() * 1000)));
        }
        if (body.hasNonNull("delayMs")) {
            faults.delay(Duration.ofMillis(body.get("delayMs").asLong()));
        }
        if (body.hasNonNull("resourceBlocked")) {
            faults.blockResource(body.get("resourceBlocked").asBoolean());
        }
    }

    private static ImageApiEmulator.Config parseConfig(JsonNode body) {
        ImageApiEmulator.Config change = ImageApiEmulator.Config.change();
        if (body.hasNonNull("latencyMs")) {
            change = change.withLatency(Duration.ofMillis(body.get("latencyMs").asLong()));
        }
        if (body.hasNonNull("jitterMs")) {
            change = change.withJitter(Duration.ofMillis(body.get("jitterMs").asLong()));
        }
        if (body.hasNonNull("requestsPerMinute")) {
            var fields = body.get("requestsPerMinute").fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                change = change.withRequestsPerMinute(entry.getKey(), entry.getValue().asInt());
            }
        }
        if (body.hasNonNull("blockedTerms")) {
            List<String> terms = new ArrayList<>();
            body.get("blockedTerms").forEach(term -> terms.add(term.asText()));
            change = change.withBlockedTerms(terms);
        }
        if (body.hasNonNull("chatBlockedTerms")) {
            change = change.withChatBlockedTerms(texts(body.get("chatBlockedTerms")));
        }
        if (body.hasNonNull("chatRefusalTerms")) {
            change = change.withChatRefusalTerms(texts(body.get("chatRefusalTerms")));
        }
        if (body.hasNonNull("policyErrorStyle")) {
            change = change.withPolicyErrorStyle(
                    ImageApiEmulator.PolicyErrorStyle.valueOf(body.get("policyErrorStyle").asText()));
        }
        return change;
    }

    private static List<String> texts(JsonNode array) {
        List<String> terms = new ArrayList<>();
        array.forEach(term -> terms.add(term.asText()));
        return terms;
    }

    private Map<String, Object> config() {
        ImageApiEmulator.Config config = emulator.config();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("latencyMs", config.latency().toMillis());
        out.put("jitterMs", config.jitter().toMillis());
        out.put("requestsPerMinute", config.requestsPerMinute());
        out.put("blockedTerms", config.blockedTerms());
        out.put("policyErrorStyle", config.policyErrorStyle().name());
        out.put("chatBlockedTerms", config.chatBlockedTerms());
        out.put("chatRefusalTerms", config.chatRefusalTerms());
        List<Map<String, Object>> deployments = new ArrayList<>();
        emulator.deployments().values().forEach(d -> deployments.add(Map.of("name", d.name(), "model", d.model(),
                "retired", d.retired())));
        out.put("deployments", deployments);
        return out;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = JsonHttpServer.readBody(exchange);
        JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return node;
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
