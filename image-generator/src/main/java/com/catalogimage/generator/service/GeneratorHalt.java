package com.catalogimage.generator.service;

import com.catalogimage.generator.messaging.Channels;
import com.catalogimage.generator.service.FailureClassifier.FailureClass;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Stops the generator when the model cannot serve any record (wrong key, wrong or retired deployment, resource blocked
 * by Azure): consuming pauses, readiness turns DOWN with the reason, and the records in hand stay unacknowledged, so
 * they are processed after the fix instead of being dead-lettered by the thousand. Only a restart lifts it: fixing a key
 * or a deployment means a new configuration, and a blocked resource needs a person to look first.
 */
@ApplicationScoped
public class GeneratorHalt {

    private static final Logger LOG = Logger.getLogger(GeneratorHalt.class);

    /** Why the generator stopped. */
    public record Reason(FailureClass failureClass, String detail, Instant at) {
    }

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final ChannelRegistry channels;

    public GeneratorHalt(ChannelRegistry channels, MeterRegistry metrics) {
        this.channels = channels;
        metrics.gauge("generator.halted", reason, current -> current.get() == null ? 0 : 1);
    }

    public void halt(FailureClass failureClass, String detail) {
        if (reason.compareAndSet(null, new Reason(failureClass, detail, Instant.now()))) {
            channels.getPausable(Channels.REQUESTS).pause();
            LOG.errorf("Image generation HALTED (%s): %s. Consuming is paused and nothing is dead-lettered; fix the "
                    + "configuration (endpoint, key, deployment) or have the Azure resource unblocked, then restart.",
                    failureClass, detail);
        }
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason.get());
    }
}
