package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.generator.service.StatusView;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

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

    @Incoming(Channels.STATUS_IN)
    public CompletionStage<Void> consume(Message<ProductStatus> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        view.apply(message.getPayload(), record.getPartition(), record.getOffset());
        return message.ack();
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
