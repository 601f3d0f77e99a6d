package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.status.ChannelEndOffsets;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.uploader.client.StorageProbe;
import com.catalogimage.uploader.config.UploaderConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;

/**
 * The uploader's pauses, failure policies and status memory: the shared ones, naming this stage's channels, dependency
 * and probe.
 */
public class UploaderMessaging {

    public static final String STAGE = "blob-uploader";
    /** The incoming channel of generated images; pausable. */
    public static final String CHANNEL = "generated";
    /** The incoming channel of reviewers' decisions; pausable, starts paused. */
    public static final String DECISIONS = "decisions";
    /** The whole status topic, read from the beginning at every start. */
    public static final String STATUS_IN = "status-in";
    /** Why decisions wait at start: whether one is stale is not known before the status topic is read to its end. */
    static final String CATCHING_UP = "reading image-status";

    private static final String FIX = "Fix the storage credentials (SAS, role assignment), the account or the container.";

    @Produces
    @Singleton
    ConsumptionPause pause(ChannelRegistry channels, Scheduler scheduler, StorageProbe probe, UploaderConfig config,
            MeterRegistry metrics) {
        ConsumptionPause pause = ConsumptionPause.scheduled(channels, scheduler, new ConsumptionPause.Spec(CHANNEL,
                "Blob Storage", FIX, probe::check), config.pause().probeInterval());
        metrics.gauge("uploader.paused", pause, p -> p.reason().isPresent() ? 1 : 0);
        return pause;
    }

    @Produces
    @Singleton
    FailurePolicy policy(Config config, StoredImagePublisher publisher, ConsumptionPause pause) {
        return new FailurePolicy(FailurePolicy.Settings.of(config, STAGE, CHANNEL), publisher::status, pause);
    }

    /**
     * Decisions are few and must not be lost, so every storage failure (not only a configuration error) holds the
     * decision and pauses the channel until the probe passes; only a malformed decision is dead-lettered, as poison,
     * without a status: it says nothing about the product, whose image still waits for a reviewer.
     */
    @Produces
    @Singleton
    ReviewChannel reviewChannel(ChannelRegistry channels, Scheduler scheduler, StorageProbe probe,
            UploaderConfig config) {
        ConsumptionPause pause = ConsumptionPause.scheduled(channels, scheduler, new ConsumptionPause.Spec(DECISIONS,
                "Blob Storage", FIX, probe::check), config.pause().probeInterval());
        pause.hold(CATCHING_UP);
        FailurePolicy policy = new FailurePolicy(new FailurePolicy.Settings(STAGE, DECISIONS, 0, List.of()),
                status -> CompletableFuture.completedFuture(null), pause);
        return new ReviewChannel(pause, policy);
    }

    @Produces
    @Singleton
    StatusMemory memory(KafkaClientService clients) {
        return new StatusMemory(new ChannelEndOffsets(clients, STATUS_IN, Topics.IMAGE_STATUS));
    }

    /** Serialises the work on one product: an image being stored and a decision on its previous one. */
    @Produces
    @Singleton
    KeyLocks products() {
        return new KeyLocks();
    }
}
