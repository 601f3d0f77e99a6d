package com.catalogimage.console.support;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The product-scanner's operators' API as the console calls it, for the console's tests: the local stack has no scanner
 * emulator, the real scanner cannot run inside the console's test application, and the console must not depend on the
 * scanner module, so this answers its documented paths with its documented shapes (copied, product-scanner/README.md):
 * {@code GET /dead-letters}, {@code POST /dead-letters/replay}, {@code POST /products/{id}/request-again},
 * {@code POST /products/{id}/generations} (202, request id {@code manual-} + the key, as idempotent as the scanner's),
 * {@code GET /products/{id}}, {@code GET /scans/latest}. Every call needs the key ({@code X-API-Key}), as the scanner's do. It records what it was
 * sent; the tests assert on that, never on the emulator's own answers.
 */
public final class ScannerEmulator implements AutoCloseable {

    public static final String KEY = "test-operator-key";

    /** One call as received. */
    public record Call(String method, String path, Map<String, String> query, Map<String, Object> body,
            String idempotencyKey) {
    }

    private final JsonHttpServer server = new JsonHttpServer("scanner-emulator", 0, 4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<Long, Integer> requestAgainStatus = new ConcurrentHashMap<>();
    private final Map<Long, Integer> generateStatus = new ConcurrentHashMap<>();
    private final Map<Long, String> imageUrls = new ConcurrentHashMap<>();

    public ScannerEmulator() {
        server.route("/dead-letters", this::deadLetters);
        server.route("/products/", this::requestAgain);
        server.route("/scans/latest", exchange -> JsonHttpServer.sendJson(exchange, 404, Map.of("message", "no scan yet")));
    }

    public ScannerEmulator start() {
        server.start();
        return this;
    }

    public String url() {
        return server.baseUri().toString();
    }

    /**
     * A dead letter the listing shows (fields as the scanner's {@code DeadLetter}, with the request's product); returned
     * for a test to change (e.g. {@code promptOverride}, {@code requestId}).
     */
    public Map<String, Object> addDeadLetter(String id, long productId, String reason, String stage, String productName) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("id", id);
        letter.put("productId", productId);
        letter.put("requestId", "r-" + id);
        letter.put("stage", stage);
        letter.put("reason", reason);
        letter.put("cause", "a cause for " + id);
        letter.put("attempts", 1);
        letter.put("timestamp", "2026-12-01T10:00:00Z");
        letter.put("originalTopic", "image-requests");
        letter.put("valueType", "ImageRequest");
        letter.put("productName", productName);
        letter.put("requestAttempt", 1);
        letter.put("replayed", false);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", productId);
        product.put("name", productName);
        product.put("description", "Classic five-pocket " + productName + " in washed cotton");
        product.put("categoryId", 3);
        product.put("categoryName", "Clothing");
        product.put("tags", "denim, casual");
        letter.put("product", product);
        deadLetters.add(0, letter);
        return letter;
    }

    /** The status the next request again of this product answers (200 unless set). */
    public void answerRequestAgain(long productId, int status) {
        requestAgainStatus.put(productId, status);
    }

    /** The catalog's image of this product as {@code GET /products/{id}} gives it (none unless set, yet "hasImage"). */
    public void catalogImage(long productId, String imageUrl) {
        imageUrls.put(productId, imageUrl);
    }

    /** The status the on-demand generations of this product answer (202 unless set). */
    public void answerGenerate(long productId, int status) {
        generateStatus.put(productId, status);
    }

    public List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(call -> call.method().equals(method) && call.path().startsWith(pathPrefix)).toList();
    }

    public void reset() {
        calls.clear();
        deadLetters.clear();
        requestAgainStatus.clear();
        generateStatus.clear();
        imageUrls.clear();
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            return true;
        }
        JsonHttpServer.send(exchange, 401, null, null);
        return false;
    }

    private Call record(HttpExchange exchange) throws IOException {
        byte[] raw = JsonHttpServer.readBody(exchange);
        Map<String, Object> body = raw.length == 0 ? Map.of()
                : JsonHttpServer.JSON.readValue(raw, new TypeReference<Map<String, Object>>() { });
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), JsonHttpServer.query(exchange),
                body, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        calls.add(call);
        return call;
    }

    private void deadLetters(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        Call call = record(exchange);
        if (call.method().equals("GET") && call.path().equals("/dead-letters")) {
            JsonHttpServer.sendJson(exchange, 200, Map.of("total", deadLetters.size(), "returned", deadLetters.size(),
                    "deadLetters", deadLetters));
        } else if (call.method().equals("POST") && call.path().equals("/dead-letters/replay")) {
            List<Map<String, Object>> results = new ArrayList<>();
            int replayed = 0;
            int refused = 0;
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) call.body().getOrDefault("ids", List.of());
            for (String id : ids) {
                Map<String, Object> letter = deadLetters.stream().filter(l -> id.equals(l.get("id"))).findFirst().orElse(null);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", id);
                if (letter == null) {
                    result.put("outcome", "REFUSED");
                    result.put("reason", "no such dead letter");
                    refused++;
                } else {
                    result.put("productId", letter.get("productId"));
                    result.put("outcome", "REPLAYED");
                    result.put("requestId", "replay-" + id);
                    // as the scanner lists it from then on (it knows the replay's request id)
                    letter.put("replayed", true);
                    letter.put("replayRequestId", "replay-" + id);
                    replayed++;
                }
                results.add(result);
            }
            JsonHttpServer.sendJson(exchange, 200, Map.of("replayed", replayed, "alreadyReplayed", 0, "refused", refused,
                    "failed", 0, "results", results));
        } else {
            JsonHttpServer.sendJson(exchange, 404, Map.of("message", "not found"));
        }
    }

    private void requestAgain(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        Call call = record(exchange);
        String[] parts = call.path().split("/");
        if (call.method().equals("GET") && parts.length == 3) {
            long productId = Long.parseLong(parts[2]);
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", productId);
            product.put("name", "Product " + productId);
            product.put("description", "A sample product, number " + productId + ".");
            product.put("categoryId", 3);
            product.put("categoryName", "Kitchen");
            product.put("tags", "sample");
            if (imageUrls.containsKey(productId)) {
                product.put("imageUrl", imageUrls.get(productId));
            }
            JsonHttpServer.sendJson(exchange, 200, Map.of("product", product, "hasImage", true));
            return;
        }
        if (!call.method().equals("POST") || parts.length != 4
                || !(parts[3].equals("request-again") || parts[3].equals("generations"))) {
            JsonHttpServer.sendJson(exchange, 404, Map.of("message", "not found"));
            return;
        }
        long productId = Long.parseLong(parts[2]);
        if (parts[3].equals("generations")) {
            int status = generateStatus.getOrDefault(productId, 202);
            if (status == 202) {
                JsonHttpServer.sendJson(exchange, 202, Map.of("productId", productId, "requestId", "manual-"
                        + call.idempotencyKey(), "attempt", 1));
            } else {
                JsonHttpServer.sendJson(exchange, status, Map.of("message", "product " + productId + " is in flight: REQUESTED"));
            }
            return;
        }
        int status = requestAgainStatus.getOrDefault(productId, 200);
        if (status == 200) {
            JsonHttpServer.sendJson(exchange, 200, Map.of("productId", productId, "requestId", UUID.randomUUID().toString(),
                    "attempt", 2));
        } else {
            JsonHttpServer.sendJson(exchange, status, Map.of("message", "product " + productId + " is COMPLETED"));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
