package com.catalogimage.chat;

import com.azure.core.exception.ClientAuthenticationException;
import com.catalogimage.contracts.FailureClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIServiceException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of Azure OpenAI's errors (the design brief's failure table): what an answer of the image API or the
 * chat API means for the pipeline ({@link FailureClass}). The image generator's {@code ImageApiFailures} and this
 * library's chat client both classify through it, so a code Azure adds is learnt once.
 */
public final class AzureOpenAiErrors {

    /**
     * Safety-system refusals, lower-cased: images' {@code content_policy_violation}, {@code contentFilter} and
     * gpt-image-2's {@code moderation_blocked}; chat's {@code content_filter}.
     */
    static final Set<String> POLICY_CODES = Set.of("content_policy_violation", "contentfilter", "moderation_blocked",
            "content_filter");
    static final String POLICY_INNER_CODE = "ResponsibleAIPolicyViolation";
    static final String BLOCKED_WORDING = "temporarily blocked";

    /** The parts of an error body that decide: {@code error.code}, the inner error's code, {@code error.message}. */
    public record ErrorBody(String code, String innerCode, String message) {
    }

    private AzureOpenAiErrors() {
    }

    /** Reads the error body (images put the inner error at {@code inner_error}, chat at {@code innererror}). */
    public static ErrorBody body(OpenAIServiceException service) {
        JsonNode error = errorObject(service);
        String inner = Optional.ofNullable(text(error, "/inner_error/code")).orElse(text(error, "/innererror/code"));
        return new ErrorBody(text(error, "/code"), inner, text(error, "/message"));
    }

    /** Classifies an HTTP answer by status, {@code error.code}, the inner error's code and the message. */
    public static FailureClass classify(int status, String code, String innerCode, String message) {
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (POLICY_CODES.contains(lowerCode) || POLICY_INNER_CODE.equals(innerCode)) {
            return FailureClass.POLICY;
        }
        return switch (status) {
            case 400, 413, 422 -> FailureClass.INVALID_REQUEST;
            case 401 -> FailureClass.CONFIGURATION;
            case 403 -> message != null && message.toLowerCase(Locale.ROOT).contains(BLOCKED_WORDING)
                    ? FailureClass.RESOURCE_BLOCKED : FailureClass.CONFIGURATION;
            case 404 -> FailureClass.CONFIGURATION;
            case 429 -> FailureClass.THROTTLED;
            default -> FailureClass.TRANSIENT; // 408, 409, 5xx and anything unexpected: bounded retries decide
        };
    }

    /** Classifies a service exception by its status and body. */
    public static FailureClass classify(OpenAIServiceException service) {
        ErrorBody body = body(service);
        return classify(service.statusCode(), body.code(), body.innerCode(), body.message());
    }

    /**
     * azure-identity could not get a token for Entra ID auth: {@code CredentialUnavailableException} (no identity
     * available here) and {@code ClientAuthenticationException} (the identity was refused), somewhere in the causes.
     */
    public static boolean isIdentityFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode errorObject(OpenAIServiceException service) {
        try {
            JsonNode body = service.body().convert(JsonNode.class);
            if (body == null) {
                return null;
            }
            return body.has("error") ? body.get("error") : body;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String pointer) {
        return Optional.ofNullable(node).map(n -> n.at(pointer)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .orElse(null);
    }
}
