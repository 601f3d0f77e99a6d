package com.catalogimage.localstack.imageapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A validated image-generation request, with the defaults the service would apply filled in. Validation follows the
 * model family of the deployment (gpt-image or dall-e-3), because the real service validates against the deployed
 * model's parameter set; unknown body fields are ignored, as the service does.
 *
 * @param size       the concrete size ({@code auto} resolved to 1024x1024)
 * @param quality    the concrete quality ({@code auto} resolved to {@code medium}; dall-e-3: standard|hd)
 * @param dataUrl    dall-e-3 with {@code response_format=url}: answer a {@code data:} URL, since the emulator hosts no files
 * @param moderation {@code auto} or {@code low} (gpt-image models; null on dall-e-3)
 * @param inputFidelity an edit's {@code input_fidelity} as sent ({@code low}|{@code high}), null when absent; what a
 *                   deployment takes is in {@link ModelRules}
 */
record GenerationRequest(String prompt, int n, int width, int height, String size, String quality, String outputFormat,
                    int outputCompression, String background, String user, String style, boolean dataUrl,
                    String moderation, String inputFidelity) {

    static final int GPT_IMAGE_PROMPT_MAX = 32_000;
    static final int DALL_E_PROMPT_MAX = 4_000;

    private static final List<String> FORMATS = List.of("png", "jpeg");
    private static final List<String> MODERATIONS = List.of("auto", "low");
    private static final List<String> FIDELITIES = List.of("low", "high");
    private static final List<String> RESPONSE_FORMATS = List.of("url", "b64_json");
    private static final List<String> STYLES = List.of("vivid", "natural");

    /** A request the service would refuse; carries the exact error to answer. */
    static final class Invalid extends RuntimeException {
        final AzureErrors.ErrorResponse response;

        Invalid(AzureErrors.ErrorResponse response) {
            super(String.valueOf(response.body()), null, false, false);
            this.response = response;
        }
    }

    static boolean isDallE(String model) {
        return ModelRules.of(model).dallE();
    }

    static GenerationRequest parse(JsonNode body, String model) {
        return parse(body, model, false);
    }

    /**
     * Validates a generation ({@code edit} false, a JSON body) or the fields of an edit ({@code edit} true, the
     * multipart form's text parts as a JSON object) against the deployment's {@link ModelRules}.
     */
    static GenerationRequest parse(JsonNode body, String model, boolean edit) {
        ModelRules rules = ModelRules.of(model);
        boolean dallE = rules.dallE();
        String prompt = string(body, "prompt");
        if (prompt == null) {
            throw new Invalid(AzureErrors.invalidRequest("missing_required_parameter",
                    "Missing required parameter: 'prompt'.", "prompt"));
        }
        if (prompt.isEmpty()) {
            throw new Invalid(AzureErrors.invalidRequest("string_below_min_length", "Invalid 'prompt': string too short. "
                    + "Expected a string with minimum length 1, but got an empty string instead.", "prompt"));
        }
        int maxPrompt = dallE ? DALL_E_PROMPT_MAX : GPT_IMAGE_PROMPT_MAX;
        if (prompt.length() > maxPrompt) {
            throw new Invalid(AzureErrors.invalidRequest("string_above_max_length", "Invalid 'prompt': string too long. "
                    + "Expected a string with maximum length " + maxPrompt + ", but got a string with length "
                    + prompt.length() + " instead.", "prompt"));
        }

        int n = integer(body, "n", 1);
        if (n < 1) {
            throw new Invalid(AzureErrors.invalidRequest("integer_below_min_value", "Invalid 'n': integer below minimum "
                    + "value. Expected a value greater than or equal to 1, but got " + n + " instead.", "n"));
        }
        if (dallE && n != 1) {
            throw new Invalid(AzureErrors.invalidRequest("invalid_value", "Invalid 'n': dall-e-3 supports only n=1, but got "
                    + n + ".", "n"));
        }
        if (n > rules.maxImages()) {
            throw new Invalid(AzureErrors.invalidRequest("integer_above_max_value", "Invalid 'n': integer above maximum "
                    + "value. Expected a value less than or equal to " + rules.maxImages() + ", but got " + n
                    + " instead.", "n"));
        }

        String size;
        if (rules.flexibleSizes()) {
            size = string(body, "size");
            size = size == null ? "auto" : size;
            String problem = ModelRules.flexibleSizeProblem(size);
            if (problem != null) {
                throw new Invalid(AzureErrors.invalidRequest("invalid_value", problem, "size"));
            }
        } else {
            size = oneOf(body, "size", rules.fixedSizes(), dallE ? "1024x1024" : "auto");
        }
        if ("auto".equals(size)) {
            size = "1024x1024";
        }
        String[] dims = size.split("x");
        String quality = oneOf(body, "quality", rules.qualities(), dallE ? "standard" : "auto");
        if ("auto".equals(quality)) {
            quality = "medium";
        }
        String user = string(body, "user");

        if (dallE) {
            for (String unknown : List.of("moderation", "input_fidelity")) {
                if (body.hasNonNull(unknown)) {
                    throw new Invalid(AzureErrors.unknownParameter(unknown));
                }
            }
            String responseFormat = oneOf(body, "response_format", RESPONSE_FORMATS, "url");
            String style = oneOf(body, "style", STYLES, "vivid");
            return new GenerationRequest(prompt, n, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), size, quality, "png",
                    100, "opaque", user, style, "url".equals(responseFormat), null, null);
        }

        String format = oneOf(body, "output_format", FORMATS, "png");
        int compression = integer(body, "output_compression", 100);
        if (compression < 0 || compression > 100) {
            throw new Invalid(AzureErrors.invalidRequest(compression < 0 ? "integer_below_min_value"
                    : "integer_above_max_value", "Invalid 'output_compression': expected a value between 0 and 100, but "
                    + "got " + compression + " instead.", "output_compression"));
        }
        String background = oneOf(body, "background", rules.backgrounds(), "auto");
        if ("transparent".equals(background) && "jpeg".equals(format)) {
            throw new Invalid(AzureErrors.invalidRequest("invalid_value", "Transparent background is not supported for "
                    + "output_format 'jpeg'. Use 'png'.", "background"));
        }
        String moderation = oneOf(body, "moderation", MODERATIONS, "auto");
        String inputFidelity = inputFidelity(body, rules, edit);
        // "auto" lets the model choose; a product shot on a card is opaque
        String resolvedBackground = "transparent".equals(background) ? "transparent" : "opaque";
        return new GenerationRequest(prompt, n, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), size, quality, format,
                compression, resolvedBackground, user, null, false, moderation, inputFidelity);
    }

    /**
     * {@code input_fidelity}: an edits parameter only (a generation naming it is an unknown parameter); refused by
     * gpt-image-2 in OpenAI's words, and by gpt-image-1-mini unless {@code low}.
     */
    private static String inputFidelity(JsonNode body, ModelRules rules, boolean edit) {
        if (!body.hasNonNull("input_fidelity")) {
            return null;
        }
        if (!edit) {
            throw new Invalid(AzureErrors.unknownParameter("input_fidelity"));
        }
        if (!rules.takesInputFidelity()) {
            throw new Invalid(AzureErrors.invalidInputFidelityModel(rules.model()));
        }
        String value = oneOf(body, "input_fidelity", FIDELITIES, null);
        if (!rules.inputFidelities().contains(value)) {
            throw new Invalid(AzureErrors.invalidRequest("invalid_value", "input_fidelity '" + value + "' is only "
                    + "supported for models gpt-image-1 and gpt-image-1.5.", "input_fidelity"));
        }
        return value;
    }

    /** gpt-image-1's published output tokens per image: 272/408 low, 1056/1584 medium, 4160/6240 high (square/other). */
    int outputTokensPerImage() {
        return outputTokensPerImage(ModelRules.Family.GPT_IMAGE_1);
    }

    /**
     * Output tokens per image as the family reports them: gpt-image-1's published table, or gpt-image-2's figures at
     * 1024x1024 (200 low, 1770 medium, 7030 high) scaled by the pixel count, since its sizes are flexible.
     */
    int outputTokensPerImage(ModelRules.Family family) {
        if (family == ModelRules.Family.GPT_IMAGE_2) {
            int square = switch (quality) {
                case "low" -> 200;
                case "high" -> 7030;
                default -> 1770;
            };
            return (int) Math.max(1, Math.round(square * ((double) width * height / (1024.0 * 1024.0))));
        }
        boolean square = width == height;
        return switch (quality) {
            case "low" -> square ? 272 : 408;
            case "high" -> square ? 4160 : 6240;
            default -> square ? 1056 : 1584;
        };
    }

    /** Roughly what a tokenizer makes of English text: four characters a token. */
    int inputTokens() {
        return Math.max(1, (prompt.length() + 3) / 4);
    }

    private static String string(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalidType(field, "a string", node);
        }
        return node.asText();
    }

    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalidType(field, "an integer", node);
        }
        return node.intValue();
    }

    private static String oneOf(JsonNode body, String field, List<String> supported, String fallback) {
        String value = string(body, field);
        if (value == null) {
            return fallback;
        }
        if (!supported.contains(value)) {
            throw new Invalid(AzureErrors.invalidValue(field, value, supported));
        }
        return value;
    }

    private static Invalid invalidType(String field, String expected, JsonNode node) {
        String got = node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean"
                : node.isArray() ? "an array" : "an object";
        return new Invalid(AzureErrors.invalidRequest("invalid_type", "Invalid type for '" + field + "': expected "
                + expected + ", but got " + got + " instead.", field));
    }
}
