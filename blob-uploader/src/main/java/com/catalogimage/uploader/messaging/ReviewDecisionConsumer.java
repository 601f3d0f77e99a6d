package com.catalogimage.uploader.messaging;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.uploader.service.BlobNamer;
import com.catalogimage.uploader.service.ImageFormat;
import com.catalogimage.uploader.service.ImageStore;
import com.catalogimage.uploader.service.ImageStore.Blob;
import com.catalogimage.uploader.service.ImageStore.Where;
import com.catalogimage.uploader.service.ReviewAction;
import com.catalogimage.uploader.service.StorageFailures;
import com.catalogimage.uploader.service.Thumbnails;
import com.catalogimage.uploader.service.UploadMetrics;
import com.catalogimage.uploader.service.VerifiedImage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import static com.catalogimage.uploader.messaging.UploaderMessaging.STAGE;

/**
 * Carries out reviewers' decisions (docs/decisions/0020), under the product's lock, only while the product's latest
 * status is AWAITING_REVIEW for the decided image's request ({@link ReviewAction}). Approve: the image and its
 * thumbnail are copied from the review container to the public one under the same names (idempotent, checked against
 * the approved hash), then exactly the auto path: the stored image with its public URL, then STORED; an approval of
 * variant {@code k} (decision 0031) copies that variant alone, under its own content-addressed name, and one naming a
 * variant the image does not have is dead-lettered as poison, publishing nothing. Reject: SKIPPED
 * REJECTED_BY_REVIEWER. Regenerate: nothing (the console asks the scanner). Stale: logged and acknowledged.
 */
@ApplicationScoped
public class ReviewDecisionConsumer {

    private static final Logger LOG = Logger.getLogger(ReviewDecisionConsumer.class);

    private final StatusMemory memory;
    private final ImageStore store;
    private final StoredImagePublisher publisher;
    private final KeyLocks products;
    private final ReviewChannel channel;
    private final UploadMetrics metrics;
    private final BlobNamer namer;

    public ReviewDecisionConsumer(StatusMemory memory, ImageStore store, StoredImagePublisher publisher,
            KeyLocks products, ReviewChannel channel, UploadMetrics metrics, BlobNamer namer) {
        this.metrics = metrics;
        this.namer = namer;
        this.memory = memory;
        this.store = store;
        this.publisher = publisher;
        this.products = products;
        this.channel = channel;
    }

    @Incoming(UploaderMessaging.DECISIONS)
    @Blocking(value = "uploads", ordered = false)
    @TracedRecord
    public CompletionStage<Void> decide(Message<ReviewDecision> message) {
        ReviewDecision decision = message.getPayload();
        Optional<String> malformed = ReviewAction.malformed(decision);
        if (malformed.isPresent()) {
            metrics.decision("poison");
            return channel.policy().poison(message, decision == null ? null : malformed.get());
        }
        ImageRequest request = decision.image().request();
        try (KeyLocks.Held held = products.lock(decision.productId())) {
            Optional<ProductStatus> latest = memory.latest(decision.productId());
            ReviewAction action = ReviewAction.decide(latest, decision);
            switch (action) {
                case STALE -> LOG.infof("Product %d: decision %s (%s by %s) on request %s is stale, nothing done: %s",
                        decision.productId(), decision.decisionId(), decision.verdict(), decision.reviewer(),
                        request.requestId(), ReviewAction.staleBecause(latest));
                case PUBLISH -> publish(decision);
                case REJECT -> {
                    publisher.status(ProductStatus.skipped(request, ReasonCode.REJECTED_BY_REVIEWER,
                            ReviewAction.rejectionDetail(decision), STAGE)).toCompletableFuture().join();
                    LOG.infof("Product %d: image %s rejected by %s", decision.productId(), decision.image().blobName(),
                            decision.reviewer());
                }
                case NOTHING -> LOG.infof("Product %d: image %s to be generated again (asked by %s); the console asks "
                        + "the scanner", decision.productId(), decision.image().blobName(), decision.reviewer());
            }
            metrics.decision(switch (action) {
                case PUBLISH -> "published";
                case REJECT -> "rejected";
                case NOTHING -> "regenerate";
                case STALE -> "stale";
            });
            return message.ack();
        } catch (ApprovedImageGone e) {
            metrics.decision("poison");
            return channel.policy().poison(message, e.getMessage());
        } catch (RuntimeException e) {
            metrics.decision("held");
            FailureClass failureClass = StorageFailures.classify(e);
            // Storage down, throttled or refusing us: the decision is held and the channel paused until the probe passes.
            return channel.pause().holdUntilResumed(failureClass, StorageFailures.detail(e), () -> decide(message));
        }
    }

    /**
     * The approved image to the public container, then the auto path. The main image (variant 0) keeps its name; a
     * picked variant, stored under the main image's name with {@code -vN}, is published under its own content-addressed
     * name ({@link BlobNamer#name(com.catalogimage.contracts.Product, byte[], ImageFormat)}), as if it had been the
     * call's first image: public names hold their bytes' hash, and no two images ever share one. The other images stay
     * in the review container, unpublished.
     */
    private void publish(ReviewDecision decision) {
        StoredImage pending = decision.image();
        StoredImage.Variant picked = decision.variant() == 0 ? null : ReviewAction.picked(decision);
        String reviewName = picked == null ? pending.blobName() : picked.blobName();
        String sha256 = picked == null ? pending.sha256() : picked.sha256();
        int width = picked == null ? pending.width() : picked.width();
        int height = picked == null ? pending.height() : picked.height();
        Blob image = download(reviewName, decision);
        if (!BlobNamer.sha256(image.bytes()).equals(sha256)) {
            throw new ApprovedImageGone("the review container's " + reviewName + " is not the image approved (sha-256 differs)");
        }
        ImageFormat format = ImageFormat.ofContentType(pending.contentType()).orElse(ImageFormat.PNG);
        String name = picked == null ? reviewName : namer.name(pending.request().product(), image.bytes(), format).name();
        String thumbnail = BlobNamer.thumbnailName(name);
        Blob thumbnailBlob = thumbnail(BlobNamer.thumbnailName(reviewName), reviewName, pending, image, format, width, height);
        Map<String, String> thumbnailMetadata = thumbnailBlob.metadata();
        Map<String, String> imageMetadata = image.metadata();
        if (picked != null) {
            // The variant's metadata already says which it was (variant, variantof); it now points at its public names.
            thumbnailMetadata = with(thumbnailMetadata, "thumbnailof", name);
            imageMetadata = with(imageMetadata, "thumbnail", thumbnail);
        }
        // The thumbnail first, as on the auto path: a public image is never there without it.
        store.upload(Where.PUBLIC, thumbnail, thumbnailBlob.bytes(), Thumbnails.CONTENT_TYPE, thumbnailMetadata);
        store.upload(Where.PUBLIC, name, image.bytes(), pending.contentType(), imageMetadata);
        String url = store.publicUrl(name);
        // The verdict the reviewer saw travels on, so the updater writes its alt text and COMPLETED carries it; for a
        // variant it is the first image's (the quality check judged that one only), of the same product and prompt.
        ProductStatus stored = ProductStatus.of(pending.request(), State.STORED, url, STAGE).withVerdict(pending.verdict());
        publisher.stored(new StoredImage(pending.request(), name, url, pending.contentType(), image.bytes().length,
                sha256, width, height, pending.model(), stored.at(), pending.verdict()), stored);
        LOG.infof("Product %d: %s approved by %s, published at %s", decision.productId(),
                picked == null ? "image" : "variant " + picked.index() + " (" + reviewName + ")", decision.reviewer(), url);
    }

    private static Map<String, String> with(Map<String, String> metadata, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return copy;
    }

    private Blob download(String name, ReviewDecision decision) {
        try {
            return store.download(Where.REVIEW, name);
        } catch (BlobStorageException e) {
            if (BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                throw new ApprovedImageGone("the approved image " + name + " of product " + decision.productId()
                        + " is not in the review container");
            }
            throw e;
        }
    }

    /** The thumbnail written with the image; made again from the image if someone removed it. */
    private Blob thumbnail(String thumbnail, String imageName, StoredImage pending, Blob image, ImageFormat format,
            int width, int height) {
        try {
            return store.download(Where.REVIEW, thumbnail);
        } catch (BlobStorageException e) {
            if (!BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                throw e;
            }
            return new Blob(Thumbnails.of(new VerifiedImage(image.bytes(), format, width, height)),
                    Thumbnails.CONTENT_TYPE, Map.of("productid", String.valueOf(pending.request().product().id()),
                            "thumbnailof", imageName));
        }
    }

    /** The image approved cannot be published, ever: the decision is dead-lettered for an operator. */
    static final class ApprovedImageGone extends RuntimeException {
        ApprovedImageGone(String message) {
            super(message, null, false, false);
        }
    }
}
