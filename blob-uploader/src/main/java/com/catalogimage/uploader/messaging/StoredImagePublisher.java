package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes stored images, images awaiting review and the uploader's statuses, keyed by product id. Every status is
 * remembered ({@link StatusMemory#written}) before it is sent, so a review decision taken under the product's lock
 * right after sees it even before the topic echoes it; a send that fails takes it back.
 */
@ApplicationScoped
public class StoredImagePublisher {

    /** Longer than the producer needs on a healthy broker; a send that takes longer fails the record. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final MutinyEmitter<StoredImage> stored;
    private final MutinyEmitter<StoredImage> awaiting;
    private final MutinyEmitter<ProductStatus> statuses;
    private final StatusMemory memory;

    public StoredImagePublisher(@Channel("stored") MutinyEmitter<StoredImage> stored,
            @Channel("awaiting-review") MutinyEmitter<StoredImage> awaiting,
            @Channel("status-out") MutinyEmitter<ProductStatus> statuses, StatusMemory memory) {
        this.stored = stored;
        this.awaiting = awaiting;
        this.statuses = statuses;
        this.memory = memory;
    }

    /** The stored image, then STORED; both on the broker when this returns, or it throws. */
    public void stored(StoredImage image, ProductStatus status) {
        send(stored, image, status);
    }

    /**
     * The image waiting for a reviewer (its private URL) on {@code images-awaiting-review}, then AWAITING_REVIEW: the
     * console's queue is the products whose latest status is AWAITING_REVIEW for the image's request, so the image is
     * there first. Both on the broker when this returns, or it throws.
     */
    public void awaitingReview(StoredImage image, ProductStatus status) {
        send(awaiting, image, status);
    }

    public CompletionStage<Void> status(ProductStatus status) {
        memory.written(status);
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status))
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .onFailure().invoke(failure -> memory.retract(status))
                .subscribeAsCompletionStage();
    }

    private void send(MutinyEmitter<StoredImage> channel, StoredImage image, ProductStatus status) {
        String key = String.valueOf(image.request().product().id());
        // Both made now, in the record's trace: the status is sent later, from wherever the image's send completes.
        var statusRecord = TracedRecords.of(key, status);
        memory.written(status);
        try {
            channel.sendMessage(TracedRecords.of(key, image))
                    .chain(() -> statuses.sendMessage(statusRecord))
                    .await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            memory.retract(status);
            throw e;
        }
    }
}
