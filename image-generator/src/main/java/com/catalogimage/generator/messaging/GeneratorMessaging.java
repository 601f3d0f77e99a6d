package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.Topics;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.service.PaidImages;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.shutdown.InFlightWork;
import com.catalogimage.messaging.status.ChannelEndOffsets;
import com.catalogimage.messaging.status.StatusMemory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

/**
 * The generator's status memory, pause and failure policy: the shared ones, naming this stage's channels, dependency
 * and probe.
 */
public class GeneratorMessaging {

    public static final String STAGE = "image-generator";
    /**
     * Why requests wait at start: duplicates and today's spend are not known before the ledger and the status topic
     * are read to their ends.
     */
    static final String CATCHING_UP = "reading paid-generations and image-status";

    @Produces
    @Singleton
    StatusMemory memory(KafkaClientService clients, PaidImages paidImages) {
        StatusMemory memory = new StatusMemory(new ChannelEndOffsets(clients, Channels.STATUS_IN, Topics.IMAGE_STATUS));
        memory.addListener(paidImages);
        return memory;
    }

    /**
     * The records being generated, by partition: a shutdown (GeneratorShutdown) and a rebalance that takes partitions
     * away (RequestsRebalance) wait for them.
     */
    @Produces
    @Singleton
    InFlightWork<TopicPartition> work() {
        return new InFlightWork<>();
    }

    /**
     * The image API has no call that proves a deployment serves us without costing an image, so a held request goes
     * as the probe: it is paid for only when it is served, which is what it was waiting for anyway. The channel starts
     * paused ({@code pausable.initially-paused}) until the status topic is read.
     */
    @Produces
    @Singleton
    ConsumptionPause pause(ChannelRegistry channels, Scheduler scheduler, GeneratorConfig config,
            MeterRegistry metrics) {
        ConsumptionPause pause = ConsumptionPause.scheduled(channels, scheduler, new ConsumptionPause.Spec(
                Channels.REQUESTS, "the image API", "Fix the configuration (endpoint, key, deployment) or have the "
                + "Azure resource unblocked.", null, Infrastructure.getDefaultWorkerPool()),
                config.halt().probeInterval());
        pause.hold(CATCHING_UP);
        metrics.gauge("generator.halted", pause, p -> p.reason().isPresent() ? 1 : 0);
        return pause;
    }

    @Produces
    @Singleton
    FailurePolicy policy(Config config, ImagePublisher publisher, ConsumptionPause pause) {
        return new FailurePolicy(FailurePolicy.Settings.of(config, STAGE, Channels.REQUESTS),
                status -> publisher.status(status).subscribeAsCompletionStage(), pause);
    }
}
