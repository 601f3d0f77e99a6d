package com.catalogimage.uploader.service;

import com.azure.core.exception.HttpResponseException;
import java.io.IOException;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sorts what went wrong while storing an image into what the pipeline does about it. One place, so the failure-handling
 * issue (delayed retry topics, stopping on configuration errors) can grow it without touching the flow.
 */
public final class FailureClassifier {

    /** What a failure means for the record. */
    public enum FailureClass {
        /** The bytes are not the image they claim to be: dead letter {@code INVALID_IMAGE} at once. */
        INVALID_IMAGE,
        /** Storage or the broker did not answer in time, or answered 5xx/408/429: worth retrying. */
        TRANSIENT,
        /** Anything else (403 auth, 404 container, a bug): retrying the same record cannot help. */
        PERMANENT
    }

    private FailureClassifier() {
    }

    public static FailureClass classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidImageException) {
                return FailureClass.INVALID_IMAGE;
            }
            if (t instanceof HttpResponseException http && http.getResponse() != null) {
                int status = http.getResponse().getStatusCode();
                return status >= 500 || status == 408 || status == 429 ? FailureClass.TRANSIENT : FailureClass.PERMANENT;
            }
            if (t instanceof IOException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || t instanceof RetriableException) {
                return FailureClass.TRANSIENT;
            }
        }
        return FailureClass.PERMANENT;
    }

    /** For {@code @RetryWhen}: retry what is transient, nothing else. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return classify(failure) == FailureClass.TRANSIENT;
        }
    }
}
