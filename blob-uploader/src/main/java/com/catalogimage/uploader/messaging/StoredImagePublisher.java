package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes stored images and the uploader's statuses, keyed by product id. */
@ApplicationScoped
public class StoredImagePublisher {

    /** Longer than the producer needs on a healthy broker; a send that takes longer fails the record. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final MutinyEmitter<StoredImage> stored;
    private final MutinyEmitter<ProductStatus> statuses;

    public StoredImagePublisher(@Channel("stored") MutinyEmitter<StoredImage> stored,
            @Channel("status-out") MutinyEmitter<ProductStatus> statuses) {
        this.stored = stored;
        this.statuses = statuses;
    }

    /** The stored image, then STORED; both on the broker when this returns, or it throws. */
    public void stored(StoredImage image, ProductStatus status) {
        String key = String.valueOf(image.request().product().id());
        // Both made now, in the record's trace: the status is sent later, from wherever the image's send completes.
        var statusRecord = TracedRecords.of(key, status);
        stored.sendMessage(TracedRecords.of(key, image))
                .chain(() -> statuses.sendMessage(statusRecord))
                .await().atMost(SEND_TIMEOUT);
    }

    public CompletionStage<Void> status(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status))
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .subscribeAsCompletionStage();
    }
}
