package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.uploader.client.StorageProbe;
import com.catalogimage.uploader.config.UploaderConfig;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.uploader.service.BlobNamer;
import com.catalogimage.uploader.service.BlobNamer.BlobName;
import com.catalogimage.uploader.service.ImageStore;
import com.catalogimage.uploader.service.ImageStore.Outcome;
import com.catalogimage.uploader.service.ImageStore.Where;
import com.catalogimage.uploader.service.ImageValidator;
import com.catalogimage.uploader.service.InvalidImageException;
import com.catalogimage.uploader.service.ReviewAction;
import com.catalogimage.uploader.service.StorageFailures;
import com.catalogimage.uploader.service.Thumbnails;
import com.catalogimage.uploader.service.UploadMetrics;
import com.catalogimage.uploader.service.VerifiedImage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import static com.catalogimage.uploader.messaging.UploaderMessaging.STAGE;

/**
 * validate → name → thumbnail → upload (idempotent) → StoredImage and STORED → ack; in {@code REVIEW_MODE=manual}, and
 * for every restyle, the upload goes to the private review container and the image waits for a reviewer
 * (images-awaiting-review, then AWAITING_REVIEW) instead. A call's other images ({@code IMAGE_VARIANTS}, decision
 * 0031) are verified like the main one and always stored in the review container beside it, listed on the StoredImage,
 * never published here. A record that is no generated image is poison; any other failure goes to the shared
 * {@link FailurePolicy} with its {@link StorageFailures} class.
 */
@ApplicationScoped
public class GeneratedImageConsumer {

    private static final Logger LOG = Logger.getLogger(GeneratedImageConsumer.class);
    /** Longest a manual-mode image waits for the status memory to be read at start. */
    private static final Duration MEMORY_WAIT = Duration.ofSeconds(60);

    private final ImageValidator validator;
    private final BlobNamer namer;
    private final ImageStore store;
    private final StoredImagePublisher publisher;
    private final UploadMetrics metrics;
    private final FailurePolicy policy;
    private final KeyLocks products;
    private final StatusMemory memory;
    private final StorageProbe probe;
    private final boolean manual;

    public GeneratedImageConsumer(ImageValidator validator, BlobNamer namer, ImageStore store,
            StoredImagePublisher publisher, UploadMetrics metrics, FailurePolicy policy, KeyLocks products,
            StatusMemory memory, StorageProbe probe, UploaderConfig config) {
        this.memory = memory;
        this.probe = probe;
        this.validator = validator;
        this.namer = namer;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.policy = policy;
        this.products = products;
        this.manual = config.reviewMode() == UploaderConfig.ReviewMode.MANUAL;
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
        // A restyle replaces a published image: a person approves it whatever REVIEW_MODE says (decision 0031).
        boolean review = manual || request.isRestyle();
        try (KeyLocks.Held held = products.lock(request.product().id())) {
            if (review && alreadyDecided(request)) {
                LOG.infof("Product %d: image of request %s delivered again after a reviewer decided on it; not put up "
                        + "for review again", request.product().id(), request.requestId());
                metrics.outcome("already-decided");
                return message.ack();
            }
            metrics.received(generated.image());
            VerifiedImage image = validator.validate(generated.image(), generated.contentType(), generated.size());
            // Every image of the call is verified before anything is stored: one that fails fails the record.
            List<VerifiedImage> others = verifiedVariants(generated);
            BlobName name = namer.name(request.product(), image);
            String thumbnail = BlobNamer.thumbnailName(name.name());
            byte[] thumbnailBytes = Thumbnails.of(image);
            Where where = review ? Where.REVIEW : Where.PUBLIC;
            if (review || !others.isEmpty()) {
                probe.reviewInUse();
            }
            List<StoredImage.Variant> variants = new ArrayList<>(others.size());
            Outcome outcome = metrics.timeUpload(() -> {
                // Variants first: the main image, once there, is what a redelivery's names and the reviewer go by.
                for (int i = 0; i < others.size(); i++) {
                    variants.add(storeVariant(generated, others.get(i), i + 1, name.name()));
                }
                // The thumbnail first: an image is never there without it, whatever crashes in between.
                store.upload(where, thumbnail, thumbnailBytes, Thumbnails.CONTENT_TYPE,
                        BlobMetadata.ofThumbnail(generated, name.name()));
                return store.upload(where, name.name(), image.bytes(), image.contentType(),
                        BlobMetadata.of(generated, thumbnail));
            });
            String url = review ? store.reviewUrl(name.name()) : store.publicUrl(name.name());
            if (review) {
                ProductStatus awaiting = ProductStatus.of(request, State.AWAITING_REVIEW, name.name(), STAGE)
                        .withVerdict(generated.verdict());
                publisher.awaitingReview(storedImage(generated, image, name, url, awaiting, variants), awaiting);
            } else {
                // Stamped before the stored image goes out: the updater's COMPLETED must never carry an earlier time
                // than this STORED, or readers that keep the latest status by time would see the product stuck in STORED.
                ProductStatus storedStatus = ProductStatus.of(request, State.STORED, url, STAGE)
                        .withVerdict(generated.verdict());
                publisher.stored(storedImage(generated, image, name, url, storedStatus, variants), storedStatus);
            }
            metrics.outcome(outcome == Outcome.STORED ? "stored" : "already-stored");
            LOG.infof("Product %d: %s %s%s%s", request.product().id(), outcome == Outcome.STORED ? "stored" : "already had",
                    url, variants.isEmpty() ? "" : " and " + variants.size() + " variant(s) in the review container",
                    review ? " (awaiting review" + (request.isRestyle() ? ", a restyle" : "") + ")" : "");
            return message.ack();
        } catch (RuntimeException e) {
            FailureClass failureClass = StorageFailures.classify(e);
            metrics.outcome(outcome(failureClass));
            return policy.fail(message, request, failureClass, StorageFailures.detail(e), () -> store(message));
        }
    }

    /** The call's other images, each verified as the main one (same bounds, the requested size). */
    private List<VerifiedImage> verifiedVariants(GeneratedImage generated) {
        List<byte[]> variants = generated.variants() == null ? List.of() : generated.variants();
        List<VerifiedImage> verified = new ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            try {
                verified.add(validator.validate(variants.get(i), generated.contentType(), generated.size()));
            } catch (InvalidImageException e) {
                throw new InvalidImageException("image " + (i + 2) + " of the call's " + generated.imageCount() + ": "
                        + e.getMessage(), e);
            }
        }
        return verified;
    }

    /**
     * A variant and its thumbnail in the review container, whatever the review mode: never public unless a reviewer
     * picks it. Named after the main image ({@link BlobNamer#variantName}), so a redelivery finds them (If-None-Match).
     */
    private StoredImage.Variant storeVariant(GeneratedImage generated, VerifiedImage variant, int index, String mainName) {
        String name = BlobNamer.variantName(mainName, index);
        String thumbnail = BlobNamer.thumbnailName(name);
        store.upload(Where.REVIEW, thumbnail, Thumbnails.of(variant), Thumbnails.CONTENT_TYPE,
                BlobMetadata.ofThumbnail(generated, name));
        store.upload(Where.REVIEW, name, variant.bytes(), variant.contentType(),
                BlobMetadata.ofVariant(generated, thumbnail, mainName, index));
        return new StoredImage.Variant(index, name, store.reviewUrl(name), variant.bytes().length,
                BlobNamer.sha256(variant.bytes()), variant.width(), variant.height());
    }

    /**
     * Asks the status memory, once it has read the topic to where it stood at start: a redelivery comes right after a
     * restart, when a half-read memory would not know the decision yet. Waiting holds this worker, not the partition's
     * other records for long: the topic is read in seconds. Not read within {@link #MEMORY_WAIT}: a transient failure.
     */
    private boolean alreadyDecided(ImageRequest request) {
        long deadline = System.nanoTime() + MEMORY_WAIT.toNanos();
        while (!memory.caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("image-status is not read to its end yet (" + memory.behind()
                        + " records to go): whether a reviewer decided is not known");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading image-status", e);
            }
        }
        return ReviewAction.alreadyDecided(memory.latest(request.product().id()), request.requestId());
    }

    private static StoredImage storedImage(GeneratedImage generated, VerifiedImage image, BlobName name, String url,
            ProductStatus status, List<StoredImage.Variant> variants) {
        return new StoredImage(generated.request(), name.name(), url, image.contentType(), image.bytes().length,
                name.sha256(), image.width(), image.height(), generated.model(), status.at(), generated.verdict(),
                List.copyOf(variants));
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
