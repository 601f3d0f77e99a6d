package com.catalogimage.localstack.imageapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error bodies Azure OpenAI sends for image generation, word for word where the wording is known. Clients (and the
 * pipeline's failure classification) key on {@code error.code}, {@code error.inner_error.code} and the status, so these
 * must not drift. Two shapes exist on the real service: Azure's gateway errors ({@code code} + {@code message} only) and
 * OpenAI-style validation errors ({@code code}, {@code message}, {@code param}, {@code type}).
 */
final class AzureErrors {

    static final String RATE_LIMIT_API_VERSION = "2025-04-01-preview";

    private AzureErrors() {
    }

    /** A status and JSON body, ready to send. */
    record ErrorResponse(int status, Map<String, Object> body) {
    }

    static ErrorResponse gateway(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return new ErrorResponse(status, Map.of("error", error));
    }

    static ErrorResponse resourceNotFound() {
        return gateway(404, "404", "Resource not found");
    }

    static ErrorResponse unauthorized() {
        return gateway(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
                + "provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");
    }

    static ErrorResponse deploymentNotFound() {
        return gateway(404, "DeploymentNotFound", "The API deployment for this resource does not exist. If you created the "
                + "deployment within the last 5 minutes, please wait a moment and try again.");
    }

    static ErrorResponse resourceBlocked() {
        return gateway(403, "403", "Your resource has been temporarily blocked because we detected behavior that may "
                + "violate our content policy.");
    }

    static ErrorResponse rateLimited(long retryAfterSeconds) {
        return gateway(429, "429", "Requests to the Images_Generations Operation under Azure OpenAI API version "
                + RATE_LIMIT_API_VERSION + " have exceeded call rate limit of your current OpenAI S0 pricing tier. Please "
                + "retry after " + retryAfterSeconds + " seconds. Please go here: https://aka.ms/oai/quotaincrease if you "
                + "would like to further increase the default rate limit.");
    }

    /** The edits operation's 429 names its own operation. */
    static ErrorResponse editRateLimited(long retryAfterSeconds) {
        return gateway(429, "429", "Requests to the Images_Edit Operation under Azure OpenAI API version "
                + RATE_LIMIT_API_VERSION + " have exceeded call rate limit of your current OpenAI S0 pricing tier. Please "
                + "retry after " + retryAfterSeconds + " seconds. Please go here: https://aka.ms/oai/quotaincrease if you "
                + "would like to further increase the default rate limit.");
    }

    /** Per status, the bodies Azure sends for server-side failures; unknown statuses get the generic 500 wording. */
    static ErrorResponse serverError(int status) {
        return switch (status) {
            case 408 -> gateway(408, "Timeout", "The operation was timeout.");
            case 502 -> gateway(502, "BadGateway", "Bad gateway.");
            case 503 -> gateway(503, "ServiceUnavailable", "The service is temporarily unable to process your request. "
                    + "Please try again later.");
            case 504 -> gateway(504, "GatewayTimeout", "The operation was timeout.");
            case 403 -> resourceBlocked();
            case 429 -> rateLimited(1);
            default -> gateway(status, "InternalServerError",
                    "The server had an error while processing your request. Sorry about that!");
        };
    }

    static ErrorResponse invalidRequest(String code, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("type", "invalid_request_error");
        return new ErrorResponse(400, Map.of("error", error));
    }

    static ErrorResponse invalidValue(String param, Object value, List<String> supported) {
        return invalidRequest("invalid_value", "Invalid value: '" + value + "'. Supported values are: "
                + String.join(", ", supported.stream().map(s -> "'" + s + "'").toList()) + ".", param);
    }

    /** A parameter the model (or the operation) does not have: OpenAI's {@code unknown_parameter}. */
    static ErrorResponse unknownParameter(String param) {
        return invalidRequest("unknown_parameter", "Unknown parameter: '" + param + "'.", param);
    }

    /** gpt-image-2 given {@code input_fidelity}, word for word as OpenAI answers it (type {@code image_generation_user_error}). */
    static ErrorResponse invalidInputFidelityModel(String model) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "The model '" + model + "' does not support the 'input_fidelity' parameter.");
        error.put("type", "image_generation_user_error");
        error.put("param", "input_fidelity");
        error.put("code", "invalid_input_fidelity_model");
        return new ErrorResponse(400, Map.of("error", error));
    }

    /**
     * gpt-image-2's refusal: 400 {@code moderation_blocked}, type {@code image_generation_user_error}, with the stage and
     * categories under {@code moderation_details}; the request id in the message as the service writes it.
     */
    static ErrorResponse moderationBlocked(String requestId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("moderation_stage", "input");
        details.put("categories", List.of("sexual"));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Your request was rejected by the safety system. If you believe this is an error, contact "
                + "us at Azure support ticket and include the request ID " + requestId + ". safety_violations=[sexual].");
        error.put("type", "image_generation_user_error");
        error.put("param", null);
        error.put("code", "moderation_blocked");
        error.put("moderation_details", details);
        return new ErrorResponse(400, Map.of("error", error));
    }

    /** An edit that is not {@code multipart/form-data}, in OpenAI's words. */
    static ErrorResponse notMultipart(String contentType) {
        return invalidRequest(null, "Invalid Content-Type header (" + contentType + "), expected multipart/form-data. "
                + "(HINT: If you're using curl, you can pass -H 'Content-Type: multipart/form-data')", null);
    }

    /** A file part whose declared type the edits operation does not take. */
    static ErrorResponse unsupportedMimetype(String param, String contentType) {
        return invalidRequest("unsupported_file_mimetype", "Invalid file '" + param + "': unsupported mimetype ('"
                + contentType + "'). Supported file formats are 'image/jpeg' and 'image/png'.", param);
    }

    /** A file part whose bytes are not the image its type claims. */
    static ErrorResponse invalidImageFile(String param, int index) {
        return invalidRequest("invalid_image_file", "Invalid image file or mode for image " + (index + 1) + ", please "
                + "check your image file.", param);
    }

    /** The documented content-filter rejection; the inner results claim "sexual/medium", as observed on the seed's jeans. */
    static ErrorResponse contentPolicyViolation() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("hate", filter(false, "safe"));
        results.put("self_harm", filter(false, "safe"));
        results.put("sexual", filter(true, "medium"));
        results.put("violence", filter(false, "safe"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", "ResponsibleAIPolicyViolation");
        inner.put("content_filter_results", results);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "content_policy_violation");
        error.put("message", "Your request was rejected as a result of our safety system. Your prompt may contain text "
                + "that is not allowed by our safety system.");
        error.put("type", "invalid_request_error");
        error.put("param", null);
        error.put("inner_error", inner);
        return new ErrorResponse(400, Map.of("error", error));
    }

    /**
     * A deployment asked for an operation its model does not do (an image model for chat, a chat model for images):
     * Azure answers 400 {@code OperationNotSupported}.
     */
    static ErrorResponse operationNotSupported(String operation, String model) {
        return gateway(400, "OperationNotSupported", "The " + operation + " operation does not work with the specified "
                + "model, " + model + ". Please choose different model and try again. You can learn more about which "
                + "models can be used with each operation here: https://go.microsoft.com/fwlink/?linkid=2197993.");
    }

    /** Chat completions' 429 names its own operation. */
    static ErrorResponse chatRateLimited(long retryAfterSeconds) {
        return gateway(429, "429", "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                + RATE_LIMIT_API_VERSION + " have exceeded token rate limit of your current OpenAI S0 pricing tier. "
                + "Please retry after " + retryAfterSeconds + " seconds. Please go here: https://aka.ms/oai/quotaincrease "
                + "if you would like to further increase the default rate limit.");
    }

    /**
     * The chat content filter's 400 on a prompt: code {@code content_filter}, the results under
     * {@code innererror.content_filter_result} (chat's spelling, unlike the image API's {@code inner_error}).
     */
    static ErrorResponse chatContentFilter() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("hate", filter(false, "safe"));
        Map<String, Object> jailbreak = new LinkedHashMap<>();
        jailbreak.put("filtered", false);
        jailbreak.put("detected", false);
        results.put("jailbreak", jailbreak);
        results.put("self_harm", filter(false, "safe"));
        results.put("sexual", filter(false, "safe"));
        results.put("violence", filter(true, "medium"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", "ResponsibleAIPolicyViolation");
        inner.put("content_filter_result", results);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "The response was filtered due to the prompt triggering Azure OpenAI's content management "
                + "policy. Please modify your prompt and retry. To learn more about our content filtering policies please "
                + "read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766");
        error.put("type", null);
        error.put("param", "prompt");
        error.put("code", "content_filter");
        error.put("status", 400);
        error.put("innererror", inner);
        return new ErrorResponse(400, Map.of("error", error));
    }

    /** The content-filter results of a prompt or answer that passed, as Azure attaches them to a chat completion. */
    static Map<String, Object> contentFilterResultsSafe() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("hate", filter(false, "safe"));
        results.put("self_harm", filter(false, "safe"));
        results.put("sexual", filter(false, "safe"));
        results.put("violence", filter(false, "safe"));
        return results;
    }

    /** The shorter variant Azure documents for image tasks. */
    static ErrorResponse contentFilter() {
        return gateway(400, "contentFilter", "Your task failed as a result of our safety system.");
    }

    private static Map<String, Object> filter(boolean filtered, String severity) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("filtered", filtered);
        result.put("severity", severity);
        return result;
    }
}
