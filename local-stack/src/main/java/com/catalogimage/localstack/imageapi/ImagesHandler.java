package com.catalogimage.localstack.imageapi;


import com.catalogimage.localstack.http.JsonHttpServer;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure OpenAI dialect: {@code /openai/deployments/{d}/images/generations?api-version=} and
 * {@code /openai/v1/images/generations} (JSON), {@code /openai/deployments/{d}/images/edits?api-version=} and
 * {@code /openai/v1/images/edits} (multipart, {@code model} as a form field). Checks run in the service's order: path,
 * key, body, deployment, then the per-resource and per-deployment gates (blocked resource, rate limit, injected
 * faults), then parameters against the deployment's {@link ModelRules} (and an edit's file parts, {@link EditImages}),
 * the content filter, the model's time and finally the image.
 */
final class ImagesHandler implements HttpHandler {

    private static final AzureGate.Operation OPERATION = new AzureGate.Operation("imageGeneration",
            Pattern.compile("^/openai/deployments/([^/]+)/images/generations/?$"),
            Pattern.compile("^/openai/v1/images/generations/?$"), false, AzureErrors::rateLimited);
    private static final AzureGate.Operation EDIT = new AzureGate.Operation("imageEdit",
            Pattern.compile("^/openai/deployments/([^/]+)/images/edits/?$"),
            Pattern.compile("^/openai/v1/images/edits/?$"), false, AzureErrors::editRateLimited, true);
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
        String clientRequestId = AzureGate.requestIds(exchange);
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

    static boolean isEdit(String path) {
        return path.endsWith("/images/edits") || path.endsWith("/images/edits/");
    }

    /** Answers a success itself; returns the error to answer otherwise. */
    private AzureErrors.ErrorResponse generate(HttpExchange exchange, String clientRequestId)
            throws IOException, InterruptedException {
        boolean edit = isEdit(exchange.getRequestURI().getPath());
        AzureGate.Admitted admitted = AzureGate.admit(emulator, exchange, edit ? EDIT : OPERATION);
        String deploymentName = admitted.deploymentName();
        ImageApiEmulator.Deployment deployment = admitted.deployment();
        JsonNode body = admitted.body();
        ModelRules rules = ModelRules.of(deployment.model());
        if (edit && rules.dallE()) {
            return AzureErrors.operationNotSupported("imageEdit", deployment.model());
        }

        GenerationRequest request = GenerationRequest.parse(body, deployment.model(), edit);
        EditImages references = edit ? EditImages.of(admitted.form()) : null;
        ImageApiEmulator.Settings settings = emulator.settings();
        boolean blocked = violatesPolicy(request.prompt(), settings.blockedTermsLowerCase());
        sleepLatency(settings);
        AzureGate.injectedDelay(emulator, deploymentName);
        if (blocked) {
            return policyRefusal(settings.policyErrorStyle(), rules, exchange, clientRequestId);
        }

        Map<String, Object> response = render(request, deployment, rules, references);
        String requestId = request.user() != null ? request.user() : clientRequestId;
        emulator.stats().recordGeneration(deploymentName, request.prompt(), requestId, request.n());
        if (references != null) {
            emulator.stats().recordEdit(new ImageApiStats.ReceivedEdit(deploymentName, requestId,
                    references.images().stream().map(ImagesHandler::received).toList(),
                    references.mask() != null, request.inputFidelity(), request.prompt(), request.n()));
        }
        reply(exchange, 200, response);
        return null;
    }

    private static ImageApiStats.Reference received(EditImages.Image image) {
        return new ImageApiStats.Reference(image.sha256(), image.sizeBytes(), image.contentType(), image.filename(),
                image.width(), image.height());
    }

    /**
     * The body a blocked prompt gets: the model family's own ({@code moderation_blocked} on gpt-image-2,
     * {@code content_policy_violation} on the 1.x models and dall-e-3) unless a test forces one style for all.
     */
    private static AzureErrors.ErrorResponse policyRefusal(ImageApiEmulator.PolicyErrorStyle style, ModelRules rules,
                                                           HttpExchange exchange, String clientRequestId) {
        String requestId = clientRequestId != null ? clientRequestId
                : exchange.getResponseHeaders().getFirst("apim-request-id");
        return switch (style) {
            case CONTENT_FILTER -> AzureErrors.contentFilter();
            case CONTENT_POLICY_VIOLATION -> AzureErrors.contentPolicyViolation();
            case MODERATION_BLOCKED -> AzureErrors.moderationBlocked(requestId);
            case MODEL_DEFAULT -> rules.family() == ModelRules.Family.GPT_IMAGE_2
                    ? AzureErrors.moderationBlocked(requestId) : AzureErrors.contentPolicyViolation();
        };
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

    private Map<String, Object> render(GenerationRequest request, ImageApiEmulator.Deployment deployment,
                                       ModelRules rules, EditImages references) {
        String productName = field(request.prompt(), "Product Name");
        if (productName == null || productName.isBlank()) {
            productName = request.prompt().strip().length() > 40 ? request.prompt().strip().substring(0, 40)
                    : request.prompt().strip();
        }
        String category = field(request.prompt(), "Category");
        String footer = "emulated · " + deployment.name() + " (" + deployment.model() + ") · " + request.size() + " · "
                + request.quality() + (references == null ? "" : " · edit of " + references.images().size() + " reference"
                + (references.images().size() == 1 ? "" : "s"));
        boolean dallE = GenerationRequest.isDallE(deployment.model());
        ImageRenderer.Spec spec = new ImageRenderer.Spec(request.width(), request.height(), request.outputFormat(),
                "transparent".equals(request.background()), request.outputCompression(), productName,
                category == null ? "" : category, footer);

        // rendering is deterministic, so the n images would be identical anyway: draw once, spare the shared CPU
        byte[] drawn = emulator.rendersOncePerShape()
                ? renderedOnce.computeIfAbsent(List.of(spec.width(), spec.height(), spec.format(), spec.transparent(),
                        spec.compression(), deployment.name(), references == null), shape -> renderer.render(spec))
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
            int text = request.inputTokens();
            int image = 0;
            if (references != null) {
                // gpt-image-2 has no input_fidelity: its edits are always at high fidelity, and billed so
                boolean high = rules.family() == ModelRules.Family.GPT_IMAGE_2 || "high".equals(request.inputFidelity());
                for (EditImages.Image reference : references.images()) {
                    image += EditImages.imageTokens(reference, high);
                }
            }
            int input = text + image;
            int output = request.outputTokensPerImage(rules.family()) * request.n();
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("input_tokens", input);
            usage.put("output_tokens", output);
            usage.put("total_tokens", input + output);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("text_tokens", text);
            details.put("image_tokens", image);
            usage.put("input_tokens_details", details);
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
