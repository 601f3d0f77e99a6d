package com.catalogimage.generator.client;

import com.azure.core.exception.ClientAuthenticationException;
import com.catalogimage.contracts.FailureClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps what the Azure image API answers onto the pipeline's shared {@link FailureClass} (the design brief's failure
 * table): the one place that knows Azure's error codes. Retries, pausing and dead-lettering follow the class's action.
 */
public final class ImageApiFailures {

    static final Set<String> POLICY_CODES = Set.of("content_policy_violation", "contentfilter", "moderation_blocked");
    static final String POLICY_INNER_CODE = "ResponsibleAIPolicyViolation";
    static final String BLOCKED_WORDING = "temporarily blocked";

    private ImageApiFailures() {
    }

    /** Classifies anything the image API call threw. */
    public static FailureClass classify(Throwable failure) {
        if (failure instanceof OpenAIServiceException service) {
            JsonNode error = errorObject(service);
            return classify(service.statusCode(), text(error, "/code"), text(error, "/inner_error/code"),
                    text(error, "/message"));
        }
        if (failure instanceof OpenAIInvalidDataException) {
            return FailureClass.INVALID_IMAGE; // the answer could not even be read as an images response
        }
        if (isIdentityFailure(failure)) {
            return FailureClass.CONFIGURATION; // no token (no managed identity, a wrong client id): no call can succeed
        }
        return FailureClass.TRANSIENT; // I/O failures (OpenAIIoException) and anything unforeseen: bounded retries decide
    }

    /**
     * azure-identity could not get a token for Entra ID auth: {@code CredentialUnavailableException} (no identity
     * available here) and {@code ClientAuthenticationException} (the identity was refused), somewhere in the causes.
     */
    static boolean isIdentityFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    /** Classifies an HTTP answer by status, {@code error.code}, {@code error.inner_error.code} and message. */
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
