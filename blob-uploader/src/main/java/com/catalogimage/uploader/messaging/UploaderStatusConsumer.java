package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every status written by any stage into the uploader's {@link StatusMemory}, which says whether a review decision
 * is still current, and lets decisions in once it has read the topic to where it stood at start.
 */
@ApplicationScoped
public class UploaderStatusConsumer {

    private final StatusMemory memory;
    private final ReviewChannel decisions;

    public UploaderStatusConsumer(StatusMemory memory, ReviewChannel decisions) {
        this.memory = memory;
        this.decisions = decisions;
    }

    /** In batches, as the other stages read it; an unreadable status arrives as a null value and only advances the offset. */
    @Incoming(UploaderMessaging.STATUS_IN)
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        memory.apply(records);
    }

    /** The topic may be empty (no record to trigger the check). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (decisions.pause().isHeldFor(UploaderMessaging.CATCHING_UP) && memory.caughtUp()) {
            decisions.pause().release(UploaderMessaging.CATCHING_UP);
        }
        decisions.pause().sync();
    }
}
