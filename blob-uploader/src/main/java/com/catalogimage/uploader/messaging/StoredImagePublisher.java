package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes stored images and the uploader's statuses, keyed by product id, and waits until the broker has them. */
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

    public void stored(StoredImage image) {
        stored.sendMessage(TracedRecords.of(String.valueOf(image.request().product().id()), image))
                .await().atMost(SEND_TIMEOUT);
    }

    public void status(ProductStatus status) {
        statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status)).await().atMost(SEND_TIMEOUT);
    }
}
