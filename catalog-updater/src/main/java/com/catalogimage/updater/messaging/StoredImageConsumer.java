package com.catalogimage.updater.messaging;

import static com.catalogimage.updater.service.CatalogWriter.STAGE;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.messaging.FailureHandling;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.messaging.tracing.TracedRecords;
import com.catalogimage.updater.service.CatalogWriter;
import com.catalogimage.updater.service.ConsumptionPause;
import com.catalogimage.updater.service.FailureClassifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * stored-images → the catalog → image-status. Records are handled on worker threads because the DAB calls block; a
 * paused record's unfinished stage keeps its offset uncommitted until it is processed again. A failure is handled
 * by its {@link FailureClass}: pause consuming, retry later, or dead letter (at once, or once the retries are spent).
 */
@ApplicationScoped
public class StoredImageConsumer {

    private static final Logger LOG = Logger.getLogger(StoredImageConsumer.class);

    private final CatalogWriter writer;
    private final MutinyEmitter<ProductStatus> statuses;
    private final ConsumptionPause pause;
    private final DelayedRetries retries;
    private final PoisonRecords poison;

    public StoredImageConsumer(CatalogWriter writer, @Channel("status-out") MutinyEmitter<ProductStatus> statuses,
            ConsumptionPause pause, DelayedRetries retries, PoisonRecords poison) {
        this.writer = writer;
        this.statuses = statuses;
        this.pause = pause;
        this.retries = retries;
        this.poison = poison;
    }

    /**
     * On a bounded worker pool ({@code UPDATER_CONCURRENCY}), acknowledged out of order: one catalog write at a time
     * (three DAB round trips) capped the stage (docs/benchmarks.md). Records for different products are independent,
     * and the write never overwrites an image, so two deliveries for one product cannot both win.
     */
    @Incoming(ConsumptionPause.CHANNEL)
    @Blocking(value = "catalog-writes", ordered = false)
    @TracedRecord
    public CompletionStage<Void> consume(Message<StoredImage> message) {
        StoredImage stored = message.getPayload();
        if (stored == null || stored.request() == null || stored.request().product() == null) {
            return poison.deadLetter(message, STAGE, this::send); // unreadable (PoisonStoredImageHandler), or no product
        }
        ProductStatus status;
        try {
            status = writer.write(stored);
        } catch (RuntimeException e) {
            return fail(message, stored, e);
        }
        send(status);
        return message.ack();
    }

    private CompletionStage<Void> fail(Message<StoredImage> message, StoredImage stored, RuntimeException failure) {
        FailureClass failureClass = FailureClassifier.classify(failure);
        String detail = FailureClassifier.detail(failure);
        long productId = stored.request().product().id();
        int attempts = DelayedRetries.attempts(message);
        if (failureClass.action() == FailureClass.Action.PAUSE) {
            return pause.holdUntilResumed(failureClass, detail, () -> consume(message));
        }
        if (failureClass.action() != FailureClass.Action.DEAD_LETTER && !retries.isLastAttempt(message)) {
            LOG.warnf("Product %d: %s; retried later (delivery %d)", productId, detail, attempts);
            return message.nack(failure); // SmallRye moves it to the next delayed-retry topic
        }
        DeadLetterReason reason = failureClass.action() == FailureClass.Action.DEAD_LETTER
                ? failureClass.deadLetterReason()
                : DeadLetterReason.RETRIES_EXHAUSTED;
        LOG.warnf("Product %d: dead-lettered %s after %d delivery(ies): %s", productId, reason, attempts, detail);
        send(ProductStatus.deadLettered(stored.request(), reason, detail, STAGE));
        return message.nack(failure, FailureHandling.deadLetterNow(reason, STAGE, attempts));
    }

    private void send(ProductStatus status) {
        statuses.sendMessageAndAwait(TracedRecords.of(String.valueOf(status.productId()), status));
    }
}
