package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes generated images and the generator's statuses, keyed by product id, and its ledger entries, by request id. */
@ApplicationScoped
public class ImagePublisher {

    private final MutinyEmitter<GeneratedImage> images;
    private final MutinyEmitter<ProductStatus> statuses;
    private final MutinyEmitter<PaidGeneration> ledger;

    public ImagePublisher(@Channel(Channels.GENERATED) MutinyEmitter<GeneratedImage> images,
            @Channel(Channels.STATUS) MutinyEmitter<ProductStatus> statuses,
            @Channel(Channels.LEDGER) MutinyEmitter<PaidGeneration> ledger) {
        this.images = images;
        this.statuses = statuses;
        this.ledger = ledger;
    }

    /**
     * GENERATED first, then the image: the uploader cannot see the image before its GENERATED is on the status topic, so
     * its own next status (AWAITING_REVIEW, STORED) always comes after it. The other order let a GENERATED land after
     * the uploader's AWAITING_REVIEW, and a product waiting for a reviewer then read as in flight (the review gate has
     * no later status to overwrite it). If the image's send fails or the generator dies in between, the request is
     * not acknowledged and comes again; the paid-generations ledger keeps it from being paid twice.
     */
    public Uni<Void> generated(GeneratedImage image, ProductStatus generated) {
        String key = String.valueOf(image.request().product().id());
        // Both made now, in the request's trace: the image is sent later, from wherever the status's send completes.
        var record = TracedRecords.of(key, image);
        return statuses.sendMessage(TracedRecords.of(key, generated)).chain(() -> images.sendMessage(record));
    }

    /** A ledger entry, keyed by its request id: compaction keeps the latest entry of every request id. */
    public Uni<Void> paid(PaidGeneration paid) {
        return ledger.sendMessage(TracedRecords.of(paid.requestId(), paid));
    }

    public Uni<Void> status(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status));
    }
}
