package com.catalogimage.chat;

import com.azure.core.exception.ClientAuthenticationException;
import com.catalogimage.contracts.FailureClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps what the Azure chat API answers onto the pipeline's {@link FailureClass}, by the same table as the image
 * generator's {@code ImageApiFailures} (the design brief's failure table), with chat's own spellings: the content
 * filter's code is {@code content_filter} and its inner error sits at {@code innererror}. A twin rather than a shared
 * class because the generator's sits in a service module this library cannot depend on.
 */
final class ChatFailures {

    static final Set<String> POLICY_CODES = Set.of("content_filter", "content_policy_violation", "contentfilter");
    static final String POLICY_INNER_CODE = "ResponsibleAIPolicyViolation";
    static final String BLOCKED_WORDING = "temporarily blocked";
    private static final int MAX_MESSAGE = 300;

    private ChatFailures() {
    }

    /** Classifies what a chat call threw, with a message safe to log (status, code and Azure's message only). */
    static ChatException classify(Throwable failure) {
        if (failure instanceof ChatException chat) {
            return chat;
        }
        if (failure instanceof OpenAIServiceException service) {
            JsonNode error = errorObject(service);
            String code = text(error, "/code");
            String inner = Optional.ofNullable(text(error, "/innererror/code")).orElse(text(error, "/inner_error/code"));
            String message = text(error, "/message");
            FailureClass failureClass = classify(service.statusCode(), code, inner, message);
            return new ChatException(failureClass, "chat model answered " + service.statusCode()
                    + (code == null ? "" : " " + code) + (message == null ? "" : ": " + bounded(message)), failure);
        }
        if (failure instanceof OpenAIInvalidDataException) {
            return new ChatException(FailureClass.INVALID_REQUEST, "the chat model's answer could not be read: "
                    + bounded(failure.getMessage()), failure);
        }
        if (isIdentityFailure(failure)) {
            return new ChatException(FailureClass.CONFIGURATION, "no Entra ID token for the chat deployment: "
                    + bounded(failure.getMessage()), failure);
        }
        // I/O failures and timeouts (OpenAIIoException) and anything unforeseen: bounded retries decide
        return new ChatException(FailureClass.TRANSIENT, "chat call failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + bounded(failure.getMessage())), failure);
    }

    /** Classifies an HTTP answer by status, {@code error.code}, the inner error's code and the message. */
    static FailureClass classify(int status, String code, String innerCode, String message) {
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
            default -> FailureClass.TRANSIENT; // 408, 409, 5xx and anything unexpected
        };
    }

    static boolean isIdentityFailure(Throwable failure) {
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

    private static String bounded(String message) {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
