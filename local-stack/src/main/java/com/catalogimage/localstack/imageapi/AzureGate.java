package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every Azure OpenAI operation checks before its own parameters, in the service's order, the same for images and
 * chat: path (legacy with {@code api-version}, or v1 with {@code model}), method, key, JSON body, deployment (404 unknown
 * or retired, 400 {@code OperationNotSupported} for the other kind of model), then the per-resource and per-deployment
 * gates: blocked resource, rate limit (429 with {@code Retry-After} and {@code retry-after-ms}), injected faults. A
 * refusal is thrown as {@link GenerationRequest.Invalid} carrying the exact answer.
 */
final class AzureGate {

    /**
     * One Azure operation's routes and wording; {@code multipart} operations ({@code /images/edits}) take a
     * {@code multipart/form-data} body instead of JSON.
     */
    record Operation(String name, Pattern legacy, Pattern unified, boolean chat, LongFunction<AzureErrors.ErrorResponse> rateLimited,
                     boolean multipart) {
        Operation(String name, Pattern legacy, Pattern unified, boolean chat, LongFunction<AzureErrors.ErrorResponse> rateLimited) {
            this(name, legacy, unified, chat, rateLimited, false);
        }
    }

    /**
     * A request that passed the gate. For a multipart operation {@code body} holds the form's text fields (numbers
     * as numbers) and {@code form} every part; for JSON {@code form} is null.
     */
    record Admitted(JsonNode body, String deploymentName, ImageApiEmulator.Deployment deployment, MultipartForm form) {
    }

    /** The largest edit body read: 16 references of up to 50 MB would be 800 MB; the emulator holds bodies in memory. */
    static final long MAX_MULTIPART_BYTES = 128L * 1024 * 1024;

    /** Form fields that are integers in the JSON dialect; a multipart form sends them as text. */
    private static final java.util.Set<String> INTEGER_FIELDS = java.util.Set.of("n", "output_compression", "partial_images");

    private AzureGate() {
    }

    /** Sets Azure's request-id headers; returns the client's {@code x-ms-client-request-id}, or null. */
    static String requestIds(HttpExchange exchange) {
        exchange.getResponseHeaders().set("apim-request-id", java.util.UUID.randomUUID().toString());
        String clientRequestId = exchange.getRequestHeaders().getFirst("x-ms-client-request-id");
        if (clientRequestId != null) {
            exchange.getResponseHeaders().set("x-ms-client-request-id", clientRequestId);
        }
        return clientRequestId;
    }

    static Admitted admit(ImageApiEmulator emulator, HttpExchange exchange, Operation operation)
            throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        Matcher legacy = operation.legacy().matcher(path);
        boolean isLegacy = legacy.matches();
        if (!isLegacy && !operation.unified().matcher(path).matches()) {
            throw refuse(AzureErrors.resourceNotFound());
        }
        if (isLegacy && JsonHttpServer.query(exchange).getOrDefault("api-version", "").isBlank()) {
            throw refuse(AzureErrors.resourceNotFound());
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            throw refuse(AzureErrors.gateway(405, "405", "Method not allowed"));
        }
        if (!emulator.authorized(exchange)) {
            throw refuse(AzureErrors.unauthorized());
        }
        MultipartForm form = null;
        JsonNode body;
        if (operation.multipart()) {
            form = readForm(exchange);
            body = fields(form);
        } else {
            try {
                body = JSON.readTree(JsonHttpServer.readBody(exchange));
            } catch (JsonProcessingException e) {
                body = null;
            }
        }
        if (body == null || !body.isObject()) {
            throw refuse(AzureErrors.invalidRequest(null, "We could not parse the JSON body of your request. (HINT: This "
                    + "likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
                    + "but what was sent was not valid JSON.)", null));
        }
        String deploymentName;
        if (isLegacy) {
            deploymentName = legacy.group(1);
        } else {
            JsonNode model = body.get("model");
            if (model == null || !model.isTextual() || model.asText().isBlank()) {
                throw refuse(AzureErrors.invalidRequest("missing_required_parameter",
                        "Missing required parameter: 'model'.", "model"));
            }
            deploymentName = model.asText();
        }
        emulator.stats().recordRequest(deploymentName);
        ImageApiEmulator.Deployment deployment = emulator.deployment(deploymentName);
        if (deployment == null || deployment.retired()) {
            throw refuse(AzureErrors.deploymentNotFound());
        }
        if (deployment.isChatModel() != operation.chat()) {
            throw refuse(AzureErrors.operationNotSupported(operation.name(), deployment.model()));
        }
        if (emulator.faults().resourceBlocked(deploymentName)) {
            throw refuse(AzureErrors.resourceBlocked());
        }
        long waitMs = emulator.rateLimiter().tryAcquire(deploymentName);
        if (waitMs > 0) {
            emulator.stats().recordThrottled(deploymentName);
            long seconds = Math.max(1, (waitMs + 999) / 1000);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            exchange.getResponseHeaders().set("retry-after-ms", Long.toString(waitMs));
            throw refuse(operation.rateLimited().apply(seconds));
        }
        ImageApiFaults.Decision fault = emulator.faults().decide(deploymentName);
        if (fault.hold() != null) {
            if (emulator.awaitClose(fault.hold())) {
                throw new InterruptedException("emulator closing");
            }
            throw refuse(AzureErrors.serverError(408));
        }
        if (fault.status() != 0) {
            throw refuse(AzureErrors.serverError(fault.status()));
        }
        return new Admitted(body, deploymentName, deployment, form);
    }

    private static MultipartForm readForm(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = MultipartForm.boundary(contentType);
        if (boundary == null) {
            throw refuse(AzureErrors.notMultipart(contentType == null ? "none" : contentType));
        }
        try (var in = exchange.getRequestBody()) {
            return MultipartForm.read(in, boundary, MAX_MULTIPART_BYTES);
        } catch (MultipartForm.TooLarge e) {
            throw refuse(AzureErrors.gateway(413, "RequestEntityTooLarge", e.getMessage()));
        } catch (MultipartForm.Malformed e) {
            throw refuse(AzureErrors.invalidRequest(null, "Could not parse multipart form: " + e.getMessage(), null));
        }
    }

    /** The form's text parts as the JSON object the generation dialect would send; the first of a repeated name wins. */
    private static JsonNode fields(MultipartForm form) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = JSON.createObjectNode();
        for (MultipartForm.Part part : form.parts()) {
            if (part.isFile() || fields.has(part.name())) {
                continue;
            }
            String text = part.text();
            if (INTEGER_FIELDS.contains(part.name()) && text.strip().matches("-?\\d{1,9}")) {
                fields.put(part.name(), Integer.parseInt(text.strip()));
            } else {
                fields.put(part.name(), text);
            }
        }
        return fields;
    }

    /** Waits out the deployment's injected delay, if any; throws when the emulator closes meanwhile. */
    static void injectedDelay(ImageApiEmulator emulator, String deploymentName) throws InterruptedException {
        Duration delay = emulator.faults().delay(deploymentName);
        if (!delay.isZero() && emulator.awaitClose(delay)) {
            throw new InterruptedException("emulator closing");
        }
    }

    private static GenerationRequest.Invalid refuse(AzureErrors.ErrorResponse response) {
        return new GenerationRequest.Invalid(response);
    }
}
