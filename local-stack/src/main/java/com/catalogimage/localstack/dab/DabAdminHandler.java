package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Test-only routes under {@code /admin/} — not part of DAB's dialect. They need no bearer and no role, are never
 * faulted and are not counted in {@link DabStats}; they answer loopback callers only, anyone else gets DAB's 403
 * {@code AuthorizationCheckFailed} envelope (see {@link #refuse}).
 *
 * <pre>
 * POST   /admin/products      {ProductName, Description, CategoryID, Tags, Price, ImageUrl} → 201 {"Id": n}
 * GET    /admin/faults        → 200 [active rules]
 * POST   /admin/faults        {status, code, message, count, seconds, latencyMs, methods, path} → 201 {"id": n}
 * DELETE /admin/faults        → 204, all rules cleared
 * GET    /admin/stats         → 200 {totalRequests, requests, responses, totalImageWrites, imageWrites}
 * POST   /admin/stats/reset   → 204
 * </pre>
 */
final class DabAdminHandler {

    private final DabEmulator emulator;

    DabAdminHandler(DabEmulator emulator) {
        this.emulator = emulator;
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        byte[] body = JsonHttpServer.readBody(exchange);
        try {
            switch (method + " " + path) {
                case "POST /admin/products" -> {
                    long id = insertProduct(json(body));
                    JsonHttpServer.sendJson(exchange, 201, Map.of("Id", id));
                }
                case "GET /admin/faults" -> JsonHttpServer.sendJson(exchange, 200, emulator.faults().active());
                case "POST /admin/faults" -> {
                    long id = emulator.faults().add(fault(json(body)));
                    JsonHttpServer.sendJson(exchange, 201, Map.of("id", id));
                }
                case "DELETE /admin/faults" -> {
                    emulator.faults().clear();
                    JsonHttpServer.send(exchange, 204, null, null);
                }
                case "GET /admin/stats" -> JsonHttpServer.sendJson(exchange, 200, emulator.stats().toJson());
                case "POST /admin/stats/reset" -> {
                    emulator.stats().reset();
                    JsonHttpServer.send(exchange, 204, null, null);
                }
                default -> throw new DabEmulatorException(404, DabErrors.ENTITY_NOT_FOUND,
                        "No admin route " + method + " " + path + ".");
            }
        } catch (DabEmulatorException e) {
            DabErrors.send(exchange, e);
        } catch (IllegalArgumentException e) {
            DabErrors.send(exchange, DabErrors.badRequest(e.getMessage()));
        }
    }

    /** The answer to an admin request from beyond loopback, in DAB's error envelope. */
    static void refuse(HttpExchange exchange) throws IOException {
        JsonHttpServer.sendJson(exchange, 403, DabErrors.envelope(403, DabErrors.AUTHORIZATION_CHECK_FAILED,
                "The emulator's admin routes answer callers on its own host only."));
    }

    private long insertProduct(JsonNode body) {
        String name = required(body, "ProductName").asText();
        JsonNode category = required(body, "CategoryID");
        JsonNode price = required(body, "Price");
        if (!category.canConvertToInt() || !price.isNumber() && !price.isTextual()) {
            throw new IllegalArgumentException("CategoryID must be an integer and Price a number.");
        }
        BigDecimal priceValue;
        try {
            priceValue = price.isNumber() ? price.decimalValue() : new BigDecimal(price.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Price must be a number.");
        }
        return emulator.insertProduct(name, body.path("Description").asText(""), category.asInt(),
                body.hasNonNull("Tags") ? body.get("Tags").asText() : null, priceValue,
                body.path("ImageUrl").asText(""));
    }

    private static DabFaults.Fault fault(JsonNode body) {
        int status = body.path("status").asInt(0);
        Duration latency = body.has("latencyMs") ? Duration.ofMillis(body.get("latencyMs").asLong()) : null;
        if (status == 0 && latency == null) {
            throw new IllegalArgumentException("A fault needs a status, a latencyMs, or both.");
        }
        Set<String> methods = new HashSet<>();
        body.path("methods").forEach(m -> methods.add(m.asText()));
        return new DabFaults.Fault(status,
                body.hasNonNull("code") ? body.get("code").asText() : null,
                body.hasNonNull("message") ? body.get("message").asText() : null,
                body.hasNonNull("count") ? body.get("count").asInt() : null,
                body.hasNonNull("seconds") ? Duration.ofMillis((long) (body.get("seconds").asDouble() * 1000)) : null,
                latency, methods,
                body.hasNonNull("path") ? body.get("path").asText() : null);
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JsonHttpServer.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("Request body contains invalid JSON.");
        }
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Missing field in body: " + field + ".");
        }
        return value;
    }
}
