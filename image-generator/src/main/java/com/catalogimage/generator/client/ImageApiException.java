package com.catalogimage.generator.client;

import com.catalogimage.contracts.FailureClass;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIServiceException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A failed image-API call, classified. Its message is safe to log and to put on the status topic: it carries the
 * service's error code and message, never the key. {@link Retryable} marks transient failures (bounded retries),
 * {@link Throttled} a 429 (waited out, never counted as a failure).
 */
public class ImageApiException extends RuntimeException {

    /** When a 429 names no wait at all. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final FailureClass failureClass;

    ImageApiException(FailureClass failureClass, String message, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
    }

    /** Classifies what the SDK threw and wraps it in the matching exception type. */
    static ImageApiException of(Throwable failure) {
        FailureClass failureClass = ImageApiFailures.classify(failure);
        String code = failure instanceof OpenAIServiceException service ? service.code().map(c -> c + " ").orElse("") : "";
        String message = failureClass + ": " + code + failure.getMessage();
        return switch (failureClass.action()) {
            case RETRY -> new Retryable(failureClass, message, failure);
            case SLOW_DOWN -> new Throttled(message, failure,
                    failure instanceof OpenAIServiceException service ? retryAfter(service.headers()) : DEFAULT_RETRY_AFTER);
            default -> new ImageApiException(failureClass, message, failure);
        };
    }

    /** A response that arrived but holds no usable image. */
    public static ImageApiException invalidImage(String why) {
        return new ImageApiException(FailureClass.INVALID_IMAGE, FailureClass.INVALID_IMAGE + ": " + why, null);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** Azure's {@code retry-after-ms}, else {@code Retry-After} (seconds or an HTTP date), else a default. */
    static Duration retryAfter(Headers headers) {
        try {
            List<String> millis = headers.values("retry-after-ms");
            if (!millis.isEmpty()) {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get(0).trim())));
            }
            List<String> after = headers.values("retry-after");
            if (!after.isEmpty()) {
                String value = after.get(0).trim();
                if (value.chars().allMatch(Character::isDigit)) {
                    return Duration.ofSeconds(Long.parseLong(value));
                }
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            }
        } catch (RuntimeException unreadable) {
            // a header we cannot read is as good as none
        }
        return DEFAULT_RETRY_AFTER;
    }

    /** Transient failures: what {@code @Retry} retries, then the delayed-retry topics. */
    public static class Retryable extends ImageApiException {
        Retryable(FailureClass failureClass, String message, Throwable cause) {
            super(failureClass, message, cause);
        }
    }

    /** A 429 and how long Azure asked to wait. */
    public static class Throttled extends ImageApiException {
        private final Duration retryAfter;

        Throttled(String message, Throwable cause, Duration retryAfter) {
            super(FailureClass.THROTTLED, message, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
