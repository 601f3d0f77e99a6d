package com.catalogimage.updater.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Singleton;

/**
 * The updater's {@link com.catalogimage.contracts.messaging.ConsumptionPause}: consuming {@value #CHANNEL} stops while
 * Data API Builder refuses us, and {@link DependencyProbe} is tried every {@code updater.pause.probe-interval}. A
 * singleton: the shared class has no no-args constructor for a client proxy.
 */
@Singleton
public class ConsumptionPause extends com.catalogimage.contracts.messaging.ConsumptionPause {

    /** The channel this pause stops. */
    public static final String CHANNEL = "stored";

    public ConsumptionPause(ChannelRegistry channels, DependencyProbe probe, MeterRegistry metrics) {
        super(channels, CHANNEL, "Data API Builder", "Fix DAB_ROLE / DAB_TOKEN, DAB's permissions for the role, or the "
                + "entity path (DAB_URL, DAB_REST_PATH, CATALOG_MODE).", probe::check);
        metrics.gauge("updater.paused", this, pause -> pause.reason().isPresent() ? 1 : 0);
    }

    @Scheduled(every = "${updater.pause.probe-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        probeAndResume();
    }
}
