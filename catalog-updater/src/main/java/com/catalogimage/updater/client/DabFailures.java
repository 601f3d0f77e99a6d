package com.catalogimage.updater.client;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.dabauth.DabBearer;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Maps what went wrong talking to Data API Builder onto the pipeline's {@link FailureClass}: the one place that knows
 * what DAB's answers mean. The DAB client's {@code @RetryWhen} and the consumer both ask it.
 */
public final class DabFailures {

    private DabFailures() {
    }

    /**
     * <ul>
     *   <li>5xx, 409 ({@code DatabaseOperationFailed} on a conflicting concurrent change), 408, 429 (a gateway in front
     *       of DAB), our own timeout, I/O failures (connection refused or reset, wrapped by the REST client in a
     *       {@link ProcessingException}) → TRANSIENT;</li>
     *   <li>401/403 ({@code AuthenticationChallenge}, {@code AuthorizationCheckFailed}: an expired token, a wrong role)
     *       and 404 {@code EntityNotFound} (the entity or REST path is not what DAB exposes) → CONFIGURATION: no record
     *       can be written until someone fixes it. A 404 that means "this row is gone" never gets here: the catalog
     *       confirms it with a read and reports the product gone;</li>
     *   <li>any other 4xx → INVALID_REQUEST;</li>
     *   <li>azure-identity got no token for DAB (no identity, a refused client) → CONFIGURATION, like a wrong key;</li>
     *   <li>anything unforeseen (a bug, an unreadable answer) → TRANSIENT: retried, then a RETRIES_EXHAUSTED dead letter
     *       with its cause, so nothing is lost or hidden.</li>
     * </ul>
     */
    public static FailureClass classify(Throwable failure) {
        DabException dab = find(failure, DabException.class);
        if (dab != null) {
            return ofDab(dab);
        }
        if (DabBearer.isIdentityFailure(failure)) {
            return FailureClass.CONFIGURATION;
        }
        return FailureClass.TRANSIENT;
    }

    static FailureClass ofDab(DabException dab) {
        int status = dab.status();
        if (status >= 500 || status == 409 || status == 408 || status == 429) {
            return FailureClass.TRANSIENT;
        }
        if (status == 401 || status == 403 || dab.is(404, DabException.ENTITY_NOT_FOUND)) {
            return FailureClass.CONFIGURATION;
        }
        return FailureClass.INVALID_REQUEST;
    }

    /** Worth another try in process: DAB's transient answers, timeouts and I/O failures; never a refusal or a bug. */
    public static boolean isTransient(Throwable failure) {
        DabException dab = find(failure, DabException.class);
        if (dab != null) {
            return ofDab(dab) == FailureClass.TRANSIENT;
        }
        if (DabBearer.isIdentityFailure(failure)) {
            return false;
        }
        return find(failure, TimeoutException.class) != null || find(failure, IOException.class) != null
                || find(failure, ProcessingException.class) != null;
    }

    /** What the status and the dead letter say: DAB's status and code, never a token. */
    public static String detail(Throwable failure) {
        DabException dab = find(failure, DabException.class);
        Throwable shown = dab != null ? dab : failure;
        return shown.getClass().getSimpleName() + ": " + shown.getMessage();
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

    /** For {@code @RetryWhen} on the DAB client: retry exactly what {@link #isTransient} calls transient. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return isTransient(failure);
        }
    }
}
