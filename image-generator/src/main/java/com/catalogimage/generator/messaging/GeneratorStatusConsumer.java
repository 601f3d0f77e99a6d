package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.status.StatusMemory;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every status written by any stage into the generator's {@link StatusMemory}, and lets requests in once it and
 * the ledger of paid images ({@link PaidLedgerConsumer}) and the category templates have read their topics to where they stood at start.
 */
@ApplicationScoped
public class GeneratorStatusConsumer {

    private final StatusMemory memory;
    private final ConsumptionPause pause;
    private final Budget budget;
    private final PaidLedgerConsumer ledger;
    private final CategoryTemplateFollower templates;

    public GeneratorStatusConsumer(StatusMemory memory, ConsumptionPause pause, Budget budget,
            PaidLedgerConsumer ledger, CategoryTemplateFollower templates) {
        this.memory = memory;
        this.pause = pause;
        this.budget = budget;
        this.ledger = ledger;
        this.templates = templates;
    }

    /**
     * In batches (a poll's worth at a time): the whole topic is read at every start and followed after, and one message
     * per status made the framework's per-message work most of this consumer's CPU (docs/benchmarks.md). An unreadable
     * status arrives as a null value and only advances the offset.
     */
    @Incoming(Channels.STATUS_IN)
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        memory.apply(records);
    }

    /** The topics may be empty (no record to trigger the check), and a new UTC day frees the budget. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (pause.isHeldFor(GeneratorMessaging.CATCHING_UP) && ledger.caughtUp() && memory.caughtUp()
                && templates.caughtUp()) {
            pause.release(GeneratorMessaging.CATCHING_UP);
        }
        pause.sync();
        budget.refresh();
    }
}
