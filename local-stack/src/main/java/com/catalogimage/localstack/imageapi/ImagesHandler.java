package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure OpenAI dialect: {@code /openai/deployments/{d}/images/generations?api-version=} and
 * {@code /openai/v1/images/generations}. Checks run in the service's order: path, key, body, deployment, then the
 * per-resource and per-deployment gates (blocked resource, rate limit, injected faults), then parameters, the content
 * filter, the model's time and finally the image.
 */
final class ImagesHandler implements HttpHandler {

    private static final Pattern LEGACY = Pattern.compile("^/openai/deployments/([^/]+)/images/generations/?$");
    private static final Pattern UNIFIED = Pattern.compile("^/openai/v1/images/generations/?$");
    private static final Pattern FIELD_LINE = Pattern.compile("(?im)^\\s*%s\\s*:\\s*(.*?)\\s*$");

    private final ImageApiEmulator emulator;
    private final ImageRenderer renderer;
    private final Map<List<Object>, byte[]> renderedOnce = new ConcurrentHashMap<>();

    ImagesHandler(ImageApiEmulator emulator, ImageRenderer renderer) {
        this.emulator = emulator;
        this.renderer = renderer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("apim-request-id", UUID.randomUUID().toString());
        String clientRequestId = exchange.getRequestHeaders().getFirst("x-ms-client-request-id");
        if (clientRequestId != null) {
            exchange.getResponseHeaders().set("x-ms-client-request-id", clientRequestId);
        }
        AzureErrors.ErrorResponse error;
        try {
            error = generate(exchange, clientRequestId);
        } catch (GenerationRequest.Invalid invalid) {
            error = invalid.response;
        } catch (InterruptedException closing) {
            return; // shutting down; the exchange closes without an answer, like a dropped connection
        }
        if (error != null) {
            reply(exchange, error.status(), error.body());
        }
    }

    /** Answers a success itself; returns the error to answer otherwise. */
    private AzureErrors.ErrorResponse generate(HttpExchange exchange, String clientRequestId)
            throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        Matcher legacy = LEGACY.matcher(path);
        boolean isLegacy = legacy.matches();
        if (!isLegacy && !UNIFIED.matcher(path).matches()) {
            return AzureErrors.resourceNotFound();
        }
        if (isLegacy && JsonHttpServer.query(exchange).getOrDefault("api-version", "").isBlank()) {
            return AzureErrors.resourceNotFound();
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            return AzureErrors.gateway(405, "405", "Method not allowed");
        }
        if (!emulator.authorized(exchange)) {
            return AzureErrors.unauthorized();
        }

        JsonNode body;
        try {
            body = JSON.readTree(JsonHttpServer.readBody(exchange));
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return AzureErrors.invalidRequest(null, "We could not parse the JSON body of your request. (HINT: This likely "
                    + "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what "
                    + "was sent was not valid JSON.)", null);
        }

        String deploymentName;
        if (isLegacy) {
            deploymentName = legacy.group(1);
        } else {
            JsonNode model = body.get("model");
            if (model == null || !model.isTextual() || model.asText().isBlank()) {
                return AzureErrors.invalidRequest("missing_required_parameter",
                        "Missing required parameter: 'model'.", "model");
            }
            deploymentName = model.asText();
        }
        emulator.stats().recordRequest(deploymentName);
        ImageApiEmulator.Deployment deployment = emulator.deployment(deploymentName);
        if (deployment == null || deployment.retired()) {
            return AzureErrors.deploymentNotFound();
        }
        if (deployment.isChatModel()) {
            return AzureErrors.operationNotSupported("imageGeneration", deployment.model());
        }

        if (emulator.faults().resourceBlocked(deploymentName)) {
            return AzureErrors.resourceBlocked();
        }
        long waitMs = emulator.rateLimiter().tryAcquire(deploymentName);
        if (waitMs > 0) {
            emulator.stats().recordThrottled(deploymentName);
            long seconds = Math.max(1, (waitMs + 999) / 1000);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            exchange.getResponseHeaders().set("retry-after-ms", Long.toString(waitMs));
            return AzureErrors.rateLimited(seconds);
        }
        ImageApiFaults.Decision fault = emulator.faults().decide(deploymentName);
        if (fault.hold() != null) {
            if (emulator.awaitClose(fault.hold())) {
                throw new InterruptedException("emulator closing");
            }
            return AzureErrors.serverError(408);
        }
        if (fault.status() != 0) {
            return AzureErrors.serverError(fault.status());
        }

        GenerationRequest request = GenerationRequest.parse(body, deployment.model());
        ImageApiEmulator.Settings settings = emulator.settings();
        boolean blocked = violatesPolicy(request.prompt(), settings.blockedTermsLowerCase());
        sleepLatency(settings);
        Duration delay = emulator.faults().delay(deploymentName);
        if (!delay.isZero() && emulator.awaitClose(delay)) {
            throw new InterruptedException("emulator closing");
        }
        if (blocked) {
            return settings.policyErrorStyle() == ImageApiEmulator.PolicyErrorStyle.CONTENT_FILTER
                    ? AzureErrors.contentFilter() : AzureErrors.contentPolicyViolation();
        }

        Map<String, Object> response = render(request, deployment);
        String requestId = request.user() != null ? request.user() : clientRequestId;
        emulator.stats().recordGeneration(deploymentName, request.prompt(), requestId, request.n());
        reply(exchange, 200, response);
        return null;
    }

    private static boolean violatesPolicy(String prompt, List<String> blockedTermsLowerCase) {
        String lower = prompt.toLowerCase(Locale.ROOT);
        return blockedTermsLowerCase.stream().anyMatch(lower::contains);
    }

    private void sleepLatency(ImageApiEmulator.Settings settings) throws InterruptedException {
        long latency = settings.latency().toMillis();
        long jitter = settings.jitter().toMillis();
        long millis = latency + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
        if (millis > 0 && emulator.awaitClose(Duration.ofMillis(millis))) {
            throw new InterruptedException("emulator closing");
        }
    }

    private Map<String, Object> render(GenerationRequest request, ImageApiEmulator.Deployment deployment) {
        String productName = field(request.prompt(), "Product Name");
        if (productName == null || productName.isBlank()) {
            productName = request.prompt().strip().length() > 40 ? request.prompt().strip().substring(0, 40)
                    : request.prompt().strip();
        }
        String category = field(request.prompt(), "Category");
        String footer = "emulated · " + deployment.name() + " (" + deployment.model() + ") · " + request.size() + " · "
                + request.quality();
        boolean dallE = GenerationRequest.isDallE(deployment.model());
        ImageRenderer.Spec spec = new ImageRenderer.Spec(request.width(), request.height(), request.outputFormat(),
                "transparent".equals(request.background()), request.outputCompression(), productName,
                category == null ? "" : category, footer);

        // rendering is deterministic, so the n images would be identical anyway: draw once, spare the shared CPU
        byte[] drawn = emulator.rendersOncePerShape()
                ? renderedOnce.computeIfAbsent(List.of(spec.width(), spec.height(), spec.format(), spec.transparent(),
                        spec.compression(), deployment.name()), shape -> renderer.render(spec))
                : renderer.render(spec);
        // the prompt travels inside the image, so the vision emulator can judge it by what it was asked to draw
        String b64 = Base64.getEncoder().encodeToString(PromptChunk.embed(drawn, request.prompt()));
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < request.n(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (dallE && request.dataUrl()) {
                item.put("url", "data:image/png;base64," + b64);
            } else {
                item.put("b64_json", b64);
            }
            if (dallE) {
                item.put("revised_prompt", revisedPrompt(request.prompt()));
            }
            data.add(item);
        }

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("created", Instant.now().getEpochSecond());
        if (!dallE) {
            response.put("background", request.background());
        }
        response.put("data", data);
        if (!dallE) {
            response.put("output_format", request.outputFormat());
            response.put("quality", request.quality());
            response.put("size", request.size());
            int input = request.inputTokens();
            int output = request.outputTokensPerImage() * request.n();
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("input_tokens", input);
            usage.put("output_tokens", output);
            usage.put("total_tokens", input + output);
            usage.put("input_tokens_details", Map.of("text_tokens", input, "image_tokens", 0));
            response.put("usage", usage);
        }
        return response;
    }

    /** The value of a {@code Name: value} line of the prompt template, or null. */
    static String field(String prompt, String name) {
        Matcher matcher = Pattern.compile(String.format(FIELD_LINE.pattern(), Pattern.quote(name)), FIELD_LINE.flags())
                .matcher(prompt);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** dall-e-3 rewrites every prompt; the emulator's rewrite is recognisable and stable. */
    private static String revisedPrompt(String prompt) {
        return "A clean, centered catalog photograph on a plain white background. " + prompt.strip().replaceAll("\\s+", " ");
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        emulator.stats().recordStatus(status);
        JsonHttpServer.sendJson(exchange, status, body);
    }
}
