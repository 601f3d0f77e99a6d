package com.catalogimage.uploader.messaging;

import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.uploader.client.StorageProbe;
import com.catalogimage.uploader.config.UploaderConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The uploader's pause and failure policy: the shared ones, naming this stage's channel, dependency and probe. */
public class UploaderMessaging {

    public static final String STAGE = "blob-uploader";
    /** The incoming channel of generated images; pausable. */
    public static final String CHANNEL = "generated";

    @Produces
    @Singleton
    ConsumptionPause pause(ChannelRegistry channels, Scheduler scheduler, StorageProbe probe, UploaderConfig config,
            MeterRegistry metrics) {
        ConsumptionPause pause = ConsumptionPause.scheduled(channels, scheduler, new ConsumptionPause.Spec(CHANNEL,
                "Blob Storage", "Fix the storage credentials (SAS, role assignment), the account or the container.",
                probe::check), config.pause().probeInterval());
        metrics.gauge("uploader.paused", pause, p -> p.reason().isPresent() ? 1 : 0);
        return pause;
    }

    @Produces
    @Singleton
    FailurePolicy policy(Config config, StoredImagePublisher publisher, ConsumptionPause pause) {
        return new FailurePolicy(FailurePolicy.Settings.of(config, STAGE, CHANNEL), publisher::status, pause);
    }
}
