package com.catalogimage.generator.client;

import com.catalogimage.generator.service.FailureClassifier;
import com.catalogimage.generator.service.FailureClassifier.FailureClass;
import com.openai.errors.OpenAIServiceException;

/**
 * A failed image-API call, classified. Its message is safe to log and to put on the status topic: it carries the
 * service's error code and message, never the key. {@link Retryable} marks the classes worth another try.
 */
public class ImageApiException extends RuntimeException {

    private final FailureClass failureClass;

    ImageApiException(FailureClass failureClass, String message, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
    }

    /** Classifies what the SDK threw and wraps it in the matching exception type. */
    static ImageApiException of(Throwable failure) {
        FailureClass failureClass = FailureClassifier.classify(failure);
        String code = failure instanceof OpenAIServiceException service ? service.code().map(c -> c + " ").orElse("") : "";
        String message = failureClass + ": " + code + failure.getMessage();
        return failureClass.action() == FailureClassifier.Action.RETRY
                ? new Retryable(failureClass, message, failure)
                : new ImageApiException(failureClass, message, failure);
    }

    /** A response that arrived but holds no usable image. */
    public static ImageApiException invalidImage(String why) {
        return new ImageApiException(FailureClass.INVALID_IMAGE, FailureClass.INVALID_IMAGE + ": " + why, null);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** Throttling and transient failures: what {@code @Retry} retries. */
    public static class Retryable extends ImageApiException {
        Retryable(FailureClass failureClass, String message, Throwable cause) {
            super(failureClass, message, cause);
        }
    }
}
