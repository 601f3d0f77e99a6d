package com.catalogimage.updater.messaging;

import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.updater.client.CatalogProbe;
import com.catalogimage.updater.config.UpdaterConfig;
import com.catalogimage.updater.service.CatalogWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The updater's pause and failure policy: the shared ones, naming this stage's channel, dependency and probe. */
public class UpdaterMessaging {

    /** The incoming channel of stored images; pausable. */
    public static final String CHANNEL = "stored";

    @Produces
    @Singleton
    ConsumptionPause pause(ChannelRegistry channels, Scheduler scheduler, CatalogProbe probe, UpdaterConfig config,
            MeterRegistry metrics) {
        ConsumptionPause pause = ConsumptionPause.scheduled(channels, scheduler, new ConsumptionPause.Spec(CHANNEL,
                "Data API Builder", "Fix DAB_ROLE / DAB_TOKEN, DAB's permissions for the role, or the entity path "
                + "(DAB_URL, DAB_REST_PATH, CATALOG_MODE).", probe::check), config.pause().probeInterval());
        metrics.gauge("updater.paused", pause, p -> p.reason().isPresent() ? 1 : 0);
        return pause;
    }

    @Produces
    @Singleton
    FailurePolicy policy(Config config, StatusPublisher statuses, ConsumptionPause pause) {
        return new FailurePolicy(FailurePolicy.Settings.of(config, CatalogWriter.STAGE, CHANNEL), statuses::send,
                pause);
    }
}
