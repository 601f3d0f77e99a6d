package com.catalogimage.uploader.service;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobStorageException;
import com.catalogimage.contracts.FailureClass;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Maps what went wrong while storing an image onto the pipeline's {@link FailureClass}: the one place that knows what
 * Blob Storage's answers mean. The consumer acts on the class (dead letter, pause, slow down, retry), never on statuses.
 */
public final class StorageFailures {

    private StorageFailures() {
    }

    /**
     * <ul>
     *   <li>{@link InvalidImageException} → INVALID_IMAGE;</li>
     *   <li>401/403 (a bad or expired SAS, a missing role assignment, a disabled account) and 404 (the container is
     *       missing) → CONFIGURATION: no image can be stored until someone fixes it; so is azure-identity failing to get
     *       a token (no managed identity here, a refused client id: {@code CredentialUnavailableException} and
     *       {@code ClientAuthenticationException}, which come without an HTTP response);</li>
     *   <li>429 → THROTTLED; 5xx and 408 → TRANSIENT; any other 4xx → INVALID_REQUEST;</li>
     *   <li>I/O failures, timeouts and everything unforeseen (the broker, a bug) → TRANSIENT: it goes the long way round
     *       (retries, then a RETRIES_EXHAUSTED dead letter with its cause), so nothing is lost or hidden.</li>
     * </ul>
     */
    public static FailureClass classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidImageException) {
                return FailureClass.INVALID_IMAGE;
            }
            if (t instanceof ClientAuthenticationException) {
                return FailureClass.CONFIGURATION;
            }
            if (t instanceof HttpResponseException http && http.getResponse() != null) {
                return ofStatus(http.getResponse().getStatusCode());
            }
            if (t instanceof IOException) {
                return FailureClass.TRANSIENT;
            }
        }
        return FailureClass.TRANSIENT;
    }

    static FailureClass ofStatus(int status) {
        if (status == 401 || status == 403 || status == 404) {
            return FailureClass.CONFIGURATION;
        }
        if (status == 429) {
            return FailureClass.THROTTLED;
        }
        if (status >= 500 || status == 408) {
            return FailureClass.TRANSIENT;
        }
        return FailureClass.INVALID_REQUEST;
    }

    /** What an operator reads in the status and the dead letter: the error, never a SAS (the SDK redacts it). */
    public static String detail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidImageException invalid) {
                return invalid.getMessage(); // written for an operator already
            }
            if (t instanceof BlobStorageException storage) {
                return "Blob Storage answered " + storage.getStatusCode() + " " + storage.getErrorCode();
            }
        }
        String message = failure.getMessage();
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return failure.getClass().getSimpleName() + (firstLine.isBlank() ? "" : ": " + firstLine);
    }

    /** For {@code @RetryWhen}: retry in process what may pass in a moment (transient and throttled), nothing else. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            FailureClass failureClass = classify(failure);
            return failureClass == FailureClass.TRANSIENT || failureClass == FailureClass.THROTTLED;
        }
    }
}
