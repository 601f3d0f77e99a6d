package com.catalogimage.messaging.health;

import com.catalogimage.messaging.failure.Redaction;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The log side of a readiness check: the full error of a failing probe, once per distinct error rather than at every
 * poll of {@code /q/health/ready}, while the answer itself says only a {@link ReadinessReason}.
 */
public final class ReadinessLog {

    private static final Logger LOG = Logger.getLogger(ReadinessLog.class);

    private final String check;
    private final AtomicReference<String> last = new AtomicReference<>();

    /** @param check the readiness check's name, for the log line */
    public ReadinessLog(String check) {
        this.check = check;
    }

    /**
     * Logs the error (cleaned of SAS queries, keys and tokens, as dead letters are) unless it is the one logged last;
     * returns the reason to put in the answer.
     */
    public String down(String reason, Throwable failure) {
        String detail = Redaction.clean(failure.getClass().getName() + ": " + failure.getMessage());
        if (!Objects.equals(last.getAndSet(detail), detail)) {
            LOG.warnf("Readiness %s DOWN: %s. %s", check, reason, detail);
        }
        return reason;
    }

    /** The probe passes again: the next failure is logged even if it is the same as before. */
    public void up() {
        if (last.getAndSet(null) != null) {
            LOG.infof("Readiness %s UP again", check);
        }
    }
}
