package com.catalogimage.chat;

import com.catalogimage.contracts.FailureClass;

/**
 * A chat call that failed after openai-java's own retries, classified as the image API's failures are (the design
 * brief's table): {@code POLICY} for the content filter (400 {@code content_filter}) or a refusal,
 * {@code THROTTLED} for 429, {@code TRANSIENT} for 5xx and timeouts, {@code CONFIGURATION} for 401/404,
 * {@code RESOURCE_BLOCKED} for 403, {@code INVALID_REQUEST} for other 400s and answers that break the schema. The
 * message is safe to log and show (no key, no raw body beyond the error code and message).
 */
public class ChatException extends RuntimeException {

    private final FailureClass failureClass;

    public ChatException(FailureClass failureClass, String message, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
    }

    public FailureClass failureClass() {
        return failureClass;
    }
}
