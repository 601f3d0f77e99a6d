package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.generator.service.StatusView;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every status written by any stage into the generator's {@link StatusView}, and lets requests in once it has
 * read the topic to where it stood at start.
 */
@ApplicationScoped
public class StatusConsumer {

    private final StatusView view;
    private final ConsumptionPauses pauses;
    private final Budget budget;

    public StatusConsumer(StatusView view, ConsumptionPauses pauses, Budget budget) {
        this.view = view;
        this.pauses = pauses;
        this.budget = budget;
    }

    /**
     * In batches (a poll's worth at a time): the whole topic is read at every start and followed after, and one message
     * per status made the framework's per-message work most of this consumer's CPU (docs/benchmarks.md). An unreadable
     * status arrives as a null value and only advances the offset.
     */
    @Incoming(Channels.STATUS_IN)
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        for (ConsumerRecord<String, ProductStatus> record : records) {
            view.apply(record.value(), record.partition(), record.offset());
        }
    }

    /** The status topic may be empty (no record to trigger the check), and a new UTC day frees the budget. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (pauses.isPaused(ConsumptionPauses.Reason.CATCHING_UP) && view.caughtUp()) {
            pauses.resume(ConsumptionPauses.Reason.CATCHING_UP);
        }
        budget.refresh();
    }
}
