package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Azure OpenAI chat completions: {@code /openai/deployments/{d}/chat/completions?api-version=} and
 * {@code /openai/v1/chat/completions} ({@code model} in the body), on the same resource (server, key, deployments,
 * rate limits, faults and counters) as the image routes, since one Azure OpenAI resource serves both. Checks run in the
 * service's order: path, key, body, deployment (404 unknown, 400 {@code OperationNotSupported} for an image model),
 * blocked resource, rate limit, injected faults, parameters (the gpt-5 family's {@code max_completion_tokens} and
 * default temperature, a strict schema's shape), the images, then the content filter and the answer.
 */
final class ChatCompletionsHandler implements HttpHandler {

    /** Azure bills a low-detail image a fixed 85 tokens, whatever its size. */
    static final int LOW_DETAIL_IMAGE_TOKENS = 85;
    static final String REFUSAL = "I'm sorry, but I can't help with that request.";

    private static final Pattern LEGACY = Pattern.compile("^/openai/deployments/([^/]+)/chat/completions/?$");
    private static final Pattern UNIFIED = Pattern.compile("^/openai/v1/chat/completions/?$");
    private static final Pattern DATA_URL = Pattern.compile("(?s)^data:(image/[a-zA-Z0-9.+-]+);base64,(.*)$");

    private final ImageApiEmulator emulator;

    ChatCompletionsHandler(ImageApiEmulator emulator) {
        this.emulator = emulator;
    }

    static boolean handles(String path) {
        return LEGACY.matcher(path).matches() || UNIFIED.matcher(path).matches();
    }

    /** An image content part, decoded. */
    record Image(int width, int height, String detail, String embeddedPrompt) {
        int tokens() {
            if ("low".equals(detail)) {
                return LOW_DETAIL_IMAGE_TOKENS;
            }
            // high/auto: fit within 2048x2048, shortest side 768, then 170 tokens per 512px tile plus the base 85
            double scale = Math.min(1.0, 2048.0 / Math.max(width, height));
            double w = width * scale;
            double h = height * scale;
            double shortest = Math.min(w, h);
            if (shortest > 768) {
                w *= 768 / shortest;
                h *= 768 / shortest;
            }
            return LOW_DETAIL_IMAGE_TOKENS + 170 * (int) (Math.ceil(w / 512) * Math.ceil(h / 512));
        }
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
            error = complete(exchange);
        } catch (GenerationRequest.Invalid invalid) {
            error = invalid.response;
        } catch (InterruptedException closing) {
            return; // shutting down; the exchange closes without an answer, like a dropped connection
        }
        if (error != null) {
            reply(exchange, error.status(), error.body());
        }
    }

    private AzureErrors.ErrorResponse complete(HttpExchange exchange) throws IOException, InterruptedException {
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
        if (!deployment.isChatModel()) {
            return AzureErrors.operationNotSupported("chatCompletion", deployment.model());
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
            return AzureErrors.chatRateLimited(seconds);
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

        AzureErrors.ErrorResponse invalid = validateParameters(body, deployment);
        if (invalid != null) {
            return invalid;
        }
        JsonNode responseFormat = body.path("response_format");
        String schemaName = null;
        JsonNode schema = null;
        if ("json_schema".equals(responseFormat.path("type").asText())) {
            JsonNode jsonSchema = responseFormat.path("json_schema");
            if (!jsonSchema.path("name").isTextual() || jsonSchema.path("name").asText().isBlank()) {
                return AzureErrors.invalidRequest("missing_required_parameter",
                        "Missing required parameter: 'response_format.json_schema.name'.", "response_format.json_schema.name");
            }
            schemaName = jsonSchema.get("name").asText();
            schema = jsonSchema.get("schema");
            if (jsonSchema.path("strict").asBoolean(false)) {
                String violation = StructuredOutput.strictViolation(schemaName, schema);
                if (violation != null) {
                    return AzureErrors.invalidRequest(null, violation, "response_format");
                }
            }
        }

        StringBuilder allText = new StringBuilder();
        StringBuilder userText = new StringBuilder();
        List<Image> images = new ArrayList<>();
        for (JsonNode message : body.get("messages")) {
            String role = message.path("role").asText();
            JsonNode content = message.get("content");
            if (content == null || content.isNull()) {
                continue;
            }
            if (content.isTextual()) {
                append(allText, content.asText());
                if ("user".equals(role)) {
                    append(userText, content.asText());
                }
                continue;
            }
            for (JsonNode part : content) {
                String type = part.path("type").asText();
                if ("text".equals(type)) {
                    append(allText, part.path("text").asText());
                    if ("user".equals(role)) {
                        append(userText, part.path("text").asText());
                    }
                } else if ("image_url".equals(type)) {
                    images.add(decodeImage(part.path("image_url")));
                }
            }
        }

        ImageApiEmulator.Settings settings = emulator.settings();
        boolean filtered = ChatAnswers.containsAny(userText.toString(), settings.chatBlockedTermsLowerCase());
        boolean refused = ChatAnswers.containsAny(userText.toString(), settings.chatRefusalTermsLowerCase());
        Duration delay = emulator.faults().delay(deploymentName);
        if (!delay.isZero() && emulator.awaitClose(delay)) {
            throw new InterruptedException("emulator closing");
        }
        if (filtered) {
            return AzureErrors.chatContentFilter();
        }

        String content = refused ? null : answer(schemaName, schema, userText.toString(), images, settings);
        long promptTokens = Math.max(1, (allText.length() + 3) / 4) + images.stream().mapToInt(Image::tokens).sum();
        long completionTokens = Math.max(1, ((refused ? REFUSAL : content).length() + 3) / 4);
        String finishReason = "stop";
        long maxCompletion = body.path("max_completion_tokens").asLong(body.path("max_tokens").asLong(Long.MAX_VALUE));
        if (completionTokens > maxCompletion) {
            // a reasoning model that runs out of tokens answers nothing and says why
            finishReason = "length";
            completionTokens = maxCompletion;
            content = "";
        }

        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refused ? REFUSAL : null);
        message.put("annotations", List.of());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("finish_reason", finishReason);
        choice.put("logprobs", null);
        choice.put("message", message);
        choice.put("content_filter_results", AzureErrors.contentFilterResultsSafe());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.put("prompt_tokens_details", Map.of("cached_tokens", 0, "audio_tokens", 0));
        usage.put("completion_tokens_details", Map.of("reasoning_tokens", 0, "audio_tokens", 0,
                "accepted_prediction_tokens", 0, "rejected_prediction_tokens", 0));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
        response.put("object", "chat.completion");
        response.put("created", Instant.now().getEpochSecond());
        response.put("model", deployment.model());
        response.put("system_fingerprint", null);
        response.put("prompt_filter_results", List.of(Map.of("prompt_index", 0,
                "content_filter_results", AzureErrors.contentFilterResultsSafe())));
        response.put("choices", List.of(choice));
        response.put("usage", usage);
        emulator.stats().recordChatCompletion(deploymentName, schemaName == null ? "text" : schemaName, promptTokens,
                completionTokens);
        reply(exchange, 200, response);
        return null;
    }

    private static AzureErrors.ErrorResponse validateParameters(JsonNode body, ImageApiEmulator.Deployment deployment) {
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            return AzureErrors.invalidRequest("missing_required_parameter", "Missing required parameter: 'messages'.",
                    "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            return AzureErrors.invalidRequest("empty_array", "Invalid 'messages': empty array. Expected an array with "
                    + "minimum length 1, but got an empty array instead.", "messages");
        }
        if (deployment.isReasoningModel()) {
            if (body.hasNonNull("max_tokens")) {
                return AzureErrors.invalidRequest("unsupported_parameter", "Unsupported parameter: 'max_tokens' is not "
                        + "supported with this model. Use 'max_completion_tokens' instead.", "max_tokens");
            }
            JsonNode temperature = body.get("temperature");
            if (temperature != null && !temperature.isNull() && temperature.asDouble() != 1.0) {
                return AzureErrors.invalidRequest("unsupported_value", "Unsupported value: 'temperature' does not "
                        + "support " + temperature.asText() + " with this model. Only the default (1) value is "
                        + "supported.", "temperature");
            }
        }
        return null;
    }

    private static Image decodeImage(JsonNode imageUrl) {
        String url = imageUrl.path("url").asText("");
        String detail = imageUrl.path("detail").asText("auto").toLowerCase(Locale.ROOT);
        Matcher matcher = DATA_URL.matcher(url);
        if (!matcher.matches()) {
            throw invalidImage("Invalid image URL: the emulator takes images as base64 data URLs "
                    + "(data:image/png;base64,...).");
        }
        String mime = matcher.group(1).toLowerCase(Locale.ROOT);
        if (!List.of("image/png", "image/jpeg", "image/jpg").contains(mime)) {
            throw new GenerationRequest.Invalid(AzureErrors.invalidRequest("invalid_image_format", "Invalid image format: "
                    + "the emulator reads image/png and image/jpeg.", "messages"));
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException notBase64) {
            throw invalidImage("Invalid image data: the data URL is not valid base64.");
        }
        int[] size = dimensions(bytes);
        if (size == null) {
            throw invalidImage("Invalid image data: the image could not be decoded as PNG or JPEG.");
        }
        return new Image(size[0], size[1], detail, PromptChunk.read(bytes));
    }

    /** Width and height from the image's header (no full decode: the emulator shares its CPU), or null. */
    private static int[] dimensions(byte[] bytes) {
        if (!PromptChunk.isPng(bytes) && !PromptChunk.isJpeg(bytes)) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            return null;
        }
    }

    private static GenerationRequest.Invalid invalidImage(String message) {
        return new GenerationRequest.Invalid(AzureErrors.invalidRequest("invalid_image", message, "messages"));
    }

    private String answer(String schemaName, JsonNode schema, String userText, List<Image> images,
            ImageApiEmulator.Settings settings) throws JsonProcessingException {
        if (schemaName == null) {
            return "This is the emulator's chat model: ask with a json_schema response_format (quality_verdict, "
                    + "prompt_rewrite or prompt_ideas) for a structured answer.";
        }
        ObjectNode raw = switch (schemaName) {
            case "quality_verdict" -> ChatAnswers.qualityVerdict(userText,
                    images.isEmpty() ? null : images.get(0).embeddedPrompt(), emulator.visionRules());
            case "prompt_rewrite" -> ChatAnswers.promptRewrite(userText, settings.blockedTermsLowerCase());
            case "prompt_ideas" -> ChatAnswers.promptIdeas(userText);
            default -> JSON.createObjectNode();
        };
        return JSON.writeValueAsString(StructuredOutput.fit(schema, raw));
    }

    private static void append(StringBuilder out, String text) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(text);
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        emulator.stats().recordStatus(status);
        JsonHttpServer.sendJson(exchange, status, body);
    }
}
