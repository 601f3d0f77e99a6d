package com.catalogimage.console.support;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The image generator's {@code POST /previews} as issue 13's contract documents it, for the console's tests (the real
 * generator cannot run inside the console's test application): {@code X-API-Key} required (401 without), 400 for a
 * missing prompt, else 200 with a small PNG and what made it. It records each call; tests assert on those.
 */
public final class GeneratorEmulator implements AutoCloseable {

    public static final String KEY = "test-generator-key";
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final JsonHttpServer server = new JsonHttpServer("generator-emulator", 0, 4);
    private final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();

    public GeneratorEmulator() {
        server.route("/previews", this::preview);
    }

    public GeneratorEmulator start() {
        server.start();
        return this;
    }

    public String url() {
        return server.baseUri().toString();
    }

    /** The bodies of the previews asked for. */
    public List<Map<String, Object>> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
    }

    private void preview(HttpExchange exchange) throws IOException {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            JsonHttpServer.send(exchange, 401, null, null);
            return;
        }
        byte[] raw = JsonHttpServer.readBody(exchange);
        Map<String, Object> body = JsonHttpServer.JSON.readValue(raw, new TypeReference<Map<String, Object>>() { });
        calls.add(body);
        Object prompt = body.get("prompt");
        Object template = body.get("template");
        if (prompt == null && (template == null || body.get("product") == null)) {
            JsonHttpServer.sendJson(exchange, 400, Map.of("reason", "INVALID_REQUEST", "detail", "no prompt"));
            return;
        }
        String asSent = prompt != null ? prompt.toString()
                : template.toString().replace("{name}", String.valueOf(((Map<?, ?>) body.get("product")).get("name")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("contentType", "image/png");
        answer.put("imageBase64", Base64.getEncoder().encodeToString(PNG));
        answer.put("model", "gpt-image-1-mini");
        answer.put("deployment", "gpt-image-1-mini");
        answer.put("size", "1024x1024");
        answer.put("quality", "low");
        answer.put("costUsd", 0.011);
        answer.put("prompt", asSent);
        answer.put("verdict", Map.of("outcome", "PASSED", "reasons", List.of(), "altText", "A sample product"));
        JsonHttpServer.sendJson(exchange, 200, answer);
    }

    @Override
    public void close() {
        server.close();
    }
}
