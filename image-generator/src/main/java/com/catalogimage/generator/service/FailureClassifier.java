package com.catalogimage.generator.service;

import com.catalogimage.contracts.DeadLetterReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The failure table of the design brief as code: what an image-API failure means and what the pipeline does about it.
 * The one place that knows Azure's error codes; retries, halting and dead-lettering all follow its answer.
 */
public final class FailureClassifier {

    /** What went wrong, from the pipeline's point of view. */
    public enum FailureClass {
        /** The safety system refused the prompt. Never retried: repeated hits can get the resource blocked. */
        CONTENT_POLICY(Action.DEAD_LETTER, DeadLetterReason.CONTENT_POLICY),
        /** The service refused the request itself (bad size, prompt too long): retrying cannot help. */
        INVALID_REQUEST(Action.DEAD_LETTER, DeadLetterReason.INVALID_REQUEST),
        /** The answer is not a usable image. */
        INVALID_IMAGE(Action.DEAD_LETTER, DeadLetterReason.INVALID_IMAGE),
        /** 429: not a failure of the record; wait and try again. */
        THROTTLED(Action.RETRY, DeadLetterReason.RETRIES_EXHAUSTED),
        /** 5xx, 408, timeouts, connection resets. */
        TRANSIENT(Action.RETRY, DeadLetterReason.RETRIES_EXHAUSTED),
        /** 401, 404 (e.g. a retired deployment), 403 without a block: every record would fail the same way. */
        CONFIGURATION(Action.HALT, null),
        /** 403 "resource has been temporarily blocked": every further call makes it worse. */
        RESOURCE_BLOCKED(Action.HALT, null);

        private final Action action;
        private final DeadLetterReason deadLetterReason;

        FailureClass(Action action, DeadLetterReason deadLetterReason) {
            this.action = action;
            this.deadLetterReason = deadLetterReason;
        }

        public Action action() {
            return action;
        }

        /** The reason a record is dead-lettered with, once retrying is over for a retryable class. */
        public DeadLetterReason deadLetterReason() {
            return deadLetterReason;
        }
    }

    /** What the pipeline does with the record. */
    public enum Action {
        /** Dead letter at once. */
        DEAD_LETTER,
        /** Try again (bounded), then dead letter {@code RETRIES_EXHAUSTED}. */
        RETRY,
        /** Stop consuming, readiness DOWN; the record is kept for after the fix, nothing is dead-lettered. */
        HALT
    }

    static final Set<String> POLICY_CODES = Set.of("content_policy_violation", "contentfilter", "moderation_blocked");
    static final String POLICY_INNER_CODE = "ResponsibleAIPolicyViolation";
    static final String BLOCKED_WORDING = "temporarily blocked";

    private FailureClassifier() {
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
        if (failure instanceof OpenAIIoException) {
            return FailureClass.TRANSIENT;
        }
        return FailureClass.TRANSIENT;
    }

    /** Classifies an HTTP answer by status, {@code error.code}, {@code error.inner_error.code} and message. */
    public static FailureClass classify(int status, String code, String innerCode, String message) {
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (POLICY_CODES.contains(lowerCode) || POLICY_INNER_CODE.equals(innerCode)) {
            return FailureClass.CONTENT_POLICY;
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
