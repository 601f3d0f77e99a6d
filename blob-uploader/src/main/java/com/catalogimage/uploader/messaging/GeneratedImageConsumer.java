package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.uploader.service.BlobNamer;
import com.catalogimage.uploader.service.BlobNamer.BlobName;
import com.catalogimage.uploader.service.ImageStore;
import com.catalogimage.uploader.service.ImageStore.Outcome;
import com.catalogimage.uploader.service.ImageValidator;
import com.catalogimage.uploader.service.StorageFailures;
import com.catalogimage.uploader.service.UploadMetrics;
import com.catalogimage.uploader.service.VerifiedImage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import static com.catalogimage.uploader.messaging.UploaderMessaging.STAGE;

/**
 * validate → name → upload (idempotent) → StoredImage and STORED → ack. A record that is no generated image is
 * poison; any other failure goes to the shared {@link FailurePolicy} with its {@link StorageFailures} class.
 */
@ApplicationScoped
public class GeneratedImageConsumer {

    private static final Logger LOG = Logger.getLogger(GeneratedImageConsumer.class);

    private final ImageValidator validator;
    private final BlobNamer namer;
    private final ImageStore store;
    private final StoredImagePublisher publisher;
    private final UploadMetrics metrics;
    private final FailurePolicy policy;

    public GeneratedImageConsumer(ImageValidator validator, BlobNamer namer, ImageStore store,
            StoredImagePublisher publisher, UploadMetrics metrics, FailurePolicy policy) {
        this.validator = validator;
        this.namer = namer;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.policy = policy;
    }

    /**
     * Blocking: image decoding and the storage SDK's synchronous calls stay off the event loop, on a bounded worker
     * pool ({@code UPLOADER_CONCURRENCY}), acknowledged out of order: one upload at a time capped the stage at about 20
     * images/s (docs/benchmarks.md), and records are independent (the blob name is content-addressed, the upload
     * If-None-Match). The throttled commit strategy still commits only offsets whose predecessors are all done.
     */
    @Incoming(UploaderMessaging.CHANNEL)
    @Blocking(value = "uploads", ordered = false)
    @TracedRecord
    public CompletionStage<Void> store(Message<GeneratedImage> message) {
        GeneratedImage generated = message.getPayload();
        if (generated == null || generated.request() == null || generated.request().product() == null) {
            metrics.outcome("poison");
            return policy.poison(message, generated == null ? null : "a generated image without its request or product");
        }
        ImageRequest request = generated.request();
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
                    name.sha256(), image.width(), image.height(), generated.model(), storedStatus.at()), storedStatus);
            metrics.outcome(outcome == Outcome.STORED ? "stored" : "already-stored");
            LOG.infof("Product %d: %s %s", request.product().id(), outcome == Outcome.STORED ? "stored" : "already had", url);
            return message.ack();
        } catch (RuntimeException e) {
            FailureClass failureClass = StorageFailures.classify(e);
            metrics.outcome(outcome(failureClass));
            return policy.fail(message, request, failureClass, StorageFailures.detail(e), () -> store(message));
        }
    }

    private static String outcome(FailureClass failureClass) {
        return switch (failureClass.action()) {
            case PAUSE -> "held";
            case SLOW_DOWN -> "throttled";
            case RETRY -> "retried";
            case DEAD_LETTER -> failureClass == FailureClass.INVALID_IMAGE ? "invalid" : "failed";
        };
    }
}
