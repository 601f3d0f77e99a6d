package com.catalogimage.generator.messaging;

import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.shutdown.InFlightWork;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * What SIGTERM does to requests in hand (docs/decisions/0014): consuming pauses (no new record starts; those fetched
 * but not started stay unacknowledged, for whoever gets the partition next), and the shutdown waits, at most
 * {@code generator.shutdown-grace}, for the calls in flight to answer and their images to be published, entered in the
 * ledger and acknowledged. Quarkus fires {@link ShutdownEvent} before it destroys the application's beans, and the
 * Kafka connector closes its consumers and producers only then (at {@code @BeforeDestroyed(ApplicationScoped)}), where
 * the throttled commit strategy commits what was acknowledged: so the images in flight go out and their offsets are
 * committed. The connector's own graceful shutdown waits only {@code auto.commit.interval.ms} (5 s) for unfinished
 * records, far less than an image call, which is why this waits first.
 */
@ApplicationScoped
public class GeneratorShutdown {

    private static final Logger LOG = Logger.getLogger(GeneratorShutdown.class);
    static final String SHUTTING_DOWN = "shutting down";

    private final ConsumptionPause pause;
    private final InFlightWork<TopicPartition> work;
    private final GeneratorConfig config;

    public GeneratorShutdown(ConsumptionPause pause, InFlightWork<TopicPartition> work, GeneratorConfig config) {
        this.pause = pause;
        this.work = work;
        this.config = config;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        drain();
    }

    /** Stops taking records and waits for those in hand, at most the grace; returns once they are done. */
    public void drain() {
        pause.hold(SHUTTING_DOWN);
        int inFlight = work.inFlight();
        LOG.infof("Shutting down: no new request starts; waiting up to %s for %d in flight", config.shutdownGrace(),
                inFlight);
        try {
            int left = work.drain(config.shutdownGrace());
            if (left > 0) {
                LOG.warnf("Shutdown grace of %s over with %d request(s) still in flight: they are abandoned and come "
                        + "again, paid for twice if their call had answered", config.shutdownGrace(), left);
            } else {
                LOG.infof("Shutting down: every request in flight finished (%d were)", inFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Shutdown interrupted while requests were in flight");
        }
    }
}
