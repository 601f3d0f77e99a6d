package com.catalogimage.generator.service;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.messaging.ConsumptionPauses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stops the generator when the model cannot serve any record (wrong key, wrong or retired deployment, resource blocked
 * by Azure): consuming pauses, readiness turns DOWN with the reason, and the records in hand wait, unacknowledged and
 * not dead-lettered. Every {@code generator.halt.probe-interval} one of them is let through as the probe: when the API
 * serves it (a fixed key or deployment, an unblocked resource), consuming resumes.
 */
@ApplicationScoped
public class GeneratorHalt {

    private static final Logger LOG = Logger.getLogger(GeneratorHalt.class);

    /** Why the generator stopped. */
    public record Reason(FailureClass failureClass, String detail, Instant at) {
    }

    private final ConsumptionPauses pauses;
    private final long probeIntervalMillis;
    private Reason reason;
    private boolean probing;
    private long nextProbeAt;

    public GeneratorHalt(ConsumptionPauses pauses, GeneratorConfig config, MeterRegistry metrics) {
        this.pauses = pauses;
        this.probeIntervalMillis = config.halt().probeInterval().toMillis();
        metrics.gauge("generator.halted", this, halt -> halt.reason().isPresent() ? 1 : 0);
    }

    /** The API refused a request in a way every request would be refused; a failed probe keeps the halt. */
    public synchronized void halt(FailureClass failureClass, String detail) {
        probing = false;
        nextProbeAt = System.currentTimeMillis() + probeIntervalMillis;
        if (reason == null) {
            reason = new Reason(failureClass, detail, Instant.now());
            pauses.pause(ConsumptionPauses.Reason.HALTED);
            LOG.errorf("Image generation HALTED (%s): %s. Consuming is paused and nothing is dead-lettered; one request "
                    + "is tried every %d s and consuming resumes when it is served. Fix the configuration (endpoint, "
                    + "key, deployment) or have the Azure resource unblocked.", failureClass, detail,
                    probeIntervalMillis / 1000);
        }
    }

    /** Whether the caller's request may go as the probe now (one at a time, once per interval). */
    public synchronized boolean tryProbe() {
        if (reason == null || probing || System.currentTimeMillis() < nextProbeAt) {
            return false;
        }
        probing = true;
        return true;
    }

    /** The API answered the probe with something other than a configuration error: generation resumes. */
    public synchronized void probeServed() {
        probing = false;
        if (reason != null) {
            LOG.infof("Image generation RESUMED: the image API served the probe request after a halt of %d s (%s)",
                    (System.currentTimeMillis() - reason.at().toEpochMilli()) / 1000, reason.failureClass());
            reason = null;
            pauses.resume(ConsumptionPauses.Reason.HALTED);
        }
    }

    /** The probe got no conclusive answer (a transient failure): try again at the next interval. */
    public synchronized void probeInconclusive() {
        probing = false;
        nextProbeAt = System.currentTimeMillis() + probeIntervalMillis;
    }

    public synchronized Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }
}
