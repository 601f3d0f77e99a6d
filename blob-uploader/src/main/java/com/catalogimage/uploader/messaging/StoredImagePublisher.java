package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
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
        stored.sendMessage(KafkaRecord.of(key, image))
                .chain(() -> statuses.sendMessage(KafkaRecord.of(key, status)))
                .await().atMost(SEND_TIMEOUT);
    }

    public CompletionStage<Void> status(ProductStatus status) {
        return statuses.sendMessage(KafkaRecord.of(String.valueOf(status.productId()), status))
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .subscribeAsCompletionStage();
    }
}
