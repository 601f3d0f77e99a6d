package com.catalogimage.updater.service;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.updater.client.DabException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one place that decides what a failure means: whether a DAB call is worth retrying, and why a record that still
 * failed goes to the dead-letter topic. The failure-handling issue grows it (delayed-retry topics, pausing on 401/403).
 */
public final class FailureClassifier {

    /** A failure after the retries, as the dead letter and the DEAD_LETTERED status will carry it. */
    public record Failure(DeadLetterReason reason, String detail) {
    }

    private FailureClassifier() {
    }

    /**
     * Transient: DAB's 5xx, 409 (DatabaseOperationFailed on a conflicting concurrent change), 408 and 429 (a gateway in
     * front of DAB), our own timeout, and I/O failures (connection refused or reset) that the REST client wraps in a
     * {@link ProcessingException}. Every other 4xx is an answer that a retry would only repeat.
     */
    public static boolean isTransient(Throwable failure) {
        DabException dab = find(failure, DabException.class);
        if (dab != null) {
            int status = dab.status();
            return status >= 500 || status == 409 || status == 408 || status == 429;
        }
        return find(failure, TimeoutException.class) != null || find(failure, IOException.class) != null
                || find(failure, ProcessingException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Why a record that failed after its retries is dead-lettered; the detail is safe to show (no credentials). */
    public static Failure classify(Throwable failure) {
        String detail = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return isTransient(failure)
                ? new Failure(DeadLetterReason.RETRIES_EXHAUSTED, detail)
                : new Failure(DeadLetterReason.INVALID_REQUEST, detail);
    }

    /** For {@code @RetryWhen} on the DAB client: retry exactly what {@link #isTransient} calls transient. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return isTransient(failure);
        }
    }
}
