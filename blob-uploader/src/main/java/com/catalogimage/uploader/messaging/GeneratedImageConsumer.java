package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.messaging.FailureHandling;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.uploader.service.BlobNamer;
import com.catalogimage.uploader.service.BlobNamer.BlobName;
import com.catalogimage.uploader.service.ConsumptionPause;
import com.catalogimage.uploader.service.FailureClassifier;
import com.catalogimage.uploader.service.ImageStore;
import com.catalogimage.uploader.service.ImageStore.Outcome;
import com.catalogimage.uploader.service.ImageValidator;
import com.catalogimage.uploader.service.UploadMetrics;
import com.catalogimage.uploader.service.VerifiedImage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * validate → name → upload (idempotent) → StoredImage → status STORED → ack. A failure is handled by its
 * {@link FailureClass}: dead letter at once, pause consuming, retry later, or dead letter once the retries are spent.
 */
@ApplicationScoped
public class GeneratedImageConsumer {

    public static final String STAGE = "blob-uploader";
    private static final Logger LOG = Logger.getLogger(GeneratedImageConsumer.class);

    private final ImageValidator validator;
    private final BlobNamer namer;
    private final ImageStore store;
    private final StoredImagePublisher publisher;
    private final UploadMetrics metrics;
    private final ConsumptionPause pause;
    private final DelayedRetries retries;
    private final PoisonRecords poison;

    public GeneratedImageConsumer(ImageValidator validator, BlobNamer namer, ImageStore store,
            StoredImagePublisher publisher, UploadMetrics metrics, ConsumptionPause pause, DelayedRetries retries,
            PoisonRecords poison) {
        this.validator = validator;
        this.namer = namer;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.pause = pause;
        this.retries = retries;
        this.poison = poison;
    }

    /**
     * Blocking: image decoding and the storage SDK's synchronous calls stay off the event loop, on a bounded worker
     * pool ({@code UPLOADER_CONCURRENCY}), acknowledged out of order: one upload at a time capped the stage at about 20
     * images/s (docs/benchmarks.md), and records are independent (the blob name is content-addressed, the upload
     * If-None-Match). The throttled commit strategy still commits only offsets whose predecessors are all done.
     */
    @Incoming(ConsumptionPause.CHANNEL)
    @Blocking(value = "uploads", ordered = false)
    @TracedRecord
    public CompletionStage<Void> store(Message<GeneratedImage> message) {
        GeneratedImage generated = message.getPayload();
        if (generated == null) {
            metrics.outcome("poison");
            return poison.deadLetter(message, STAGE, publisher::status); // unreadable (PoisonImageHandler) or a tombstone
        }
        ImageRequest request = generated.request();
        if (request == null || request.product() == null) {
            metrics.outcome("poison");
            LOG.warn("A generated image without its request or product: dead-lettered as POISON");
            return message.nack(new IllegalArgumentException("a generated image without its request or product"),
                    FailureHandling.deadLetterNow(DeadLetterReason.POISON, STAGE, DelayedRetries.attempts(message)));
        }
        try {
            metrics.received(generated.image());
            VerifiedImage image = validator.validate(generated.image(), generated.contentType(), generated.size());
            BlobName name = namer.name(request.product(), image);
            Outcome outcome = metrics.timeUpload(() -> store.upload(name.name(), image, BlobMetadata.of(generated)));
            String url = store.publicUrl(name.name());
            // Stamped before the stored image goes out: the updater's COMPLETED must never carry an earlier time than
            // this STORED, or readers that keep the latest status by time would see the product stuck in STORED.
            ProductStatus storedStatus = ProductStatus.of(request, State.STORED, url, STAGE);
            publisher.stored(new StoredImage(request, name.name(), url, image.contentType(), image.bytes().length,
                    name.sha256(), image.width(), image.height(), generated.model(), storedStatus.at()));
            publisher.status(storedStatus);
            metrics.outcome(outcome == Outcome.STORED ? "stored" : "already-stored");
            LOG.infof("Product %d: %s %s", request.product().id(), outcome == Outcome.STORED ? "stored" : "already had", url);
            return message.ack();
        } catch (RuntimeException e) {
            return fail(message, request, e);
        }
    }

    private CompletionStage<Void> fail(Message<GeneratedImage> message, ImageRequest request, RuntimeException failure) {
        FailureClass failureClass = FailureClassifier.classify(failure);
        String detail = FailureClassifier.detail(failure);
        long productId = request.product().id();
        int attempts = DelayedRetries.attempts(message);
        return switch (failureClass.action()) {
            case PAUSE -> {
                metrics.outcome("held");
                yield pause.holdUntilResumed(failureClass, detail, () -> store(message));
            }
            case SLOW_DOWN -> {
                metrics.outcome("throttled");
                LOG.warnf("Product %d: Blob Storage is throttling us; retried later (delivery %d)", productId, attempts);
                yield message.nack(failure, retries.later(message));
            }
            case RETRY -> {
                if (retries.isLastAttempt(message)) {
                    yield deadLetter(message, request, DeadLetterReason.RETRIES_EXHAUSTED, detail, attempts, failure);
                }
                metrics.outcome("retried");
                LOG.warnf("Product %d: %s; retried later (delivery %d)", productId, detail, attempts);
                yield message.nack(failure); // SmallRye moves it to the next delayed-retry topic
            }
            case DEAD_LETTER -> deadLetter(message, request, failureClass.deadLetterReason(), detail, attempts, failure);
        };
    }

    private CompletionStage<Void> deadLetter(Message<GeneratedImage> message, ImageRequest request, DeadLetterReason reason,
            String detail, int attempts, RuntimeException failure) {
        metrics.outcome(reason == DeadLetterReason.INVALID_IMAGE ? "invalid" : "failed");
        LOG.warnf("Product %d: dead-lettered %s after %d delivery(ies): %s", request.product().id(), reason, attempts, detail);
        try {
            publisher.status(ProductStatus.deadLettered(request, reason, detail, STAGE));
        } catch (RuntimeException e) {
            // The dead letter matters more than the status: the scanner re-requests a product whose status is stale.
            LOG.errorf(e, "Product %d: cannot write status DEAD_LETTERED", request.product().id());
        }
        return message.nack(failure, FailureHandling.deadLetterNow(reason, STAGE, attempts));
    }
}
