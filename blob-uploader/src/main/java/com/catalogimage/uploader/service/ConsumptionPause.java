package com.catalogimage.uploader.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Singleton;

/**
 * The uploader's {@link com.catalogimage.contracts.messaging.ConsumptionPause}: consuming {@value #CHANNEL} stops while
 * Blob Storage refuses us, and {@link StorageProbe} is tried every {@code uploader.pause.probe-interval}. A singleton:
 * the shared class has no no-args constructor for a client proxy.
 */
@Singleton
public class ConsumptionPause extends com.catalogimage.contracts.messaging.ConsumptionPause {

    /** The channel this pause stops. */
    public static final String CHANNEL = "generated";

    public ConsumptionPause(ChannelRegistry channels, DependencyProbe probe, MeterRegistry metrics) {
        super(channels, CHANNEL, "Blob Storage", "Fix the storage credentials (SAS, role assignment), the account or the "
                + "container.", probe::check);
        metrics.gauge("uploader.paused", this, pause -> pause.reason().isPresent() ? 1 : 0);
    }

    @Scheduled(every = "${uploader.pause.probe-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        probeAndResume();
    }
}
