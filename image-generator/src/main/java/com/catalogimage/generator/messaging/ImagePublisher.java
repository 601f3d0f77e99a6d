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
     * The image first, then GENERATED: a status never claims an image the uploader cannot get. If the generator dies
     * in between, the uploader's STORED overwrites the missing GENERATED anyway.
     */
    public Uni<Void> generated(GeneratedImage image, ProductStatus generated) {
        String key = String.valueOf(image.request().product().id());
        // Both made now, in the request's trace: the status is sent later, from wherever the image's send completes.
        var status = TracedRecords.of(key, generated);
        return images.sendMessage(TracedRecords.of(key, image)).chain(() -> statuses.sendMessage(status));
    }

    /** A ledger entry, keyed by its request id: compaction keeps the latest entry of every request id. */
    public Uni<Void> paid(PaidGeneration paid) {
        return ledger.sendMessage(TracedRecords.of(paid.requestId(), paid));
    }

    public Uni<Void> status(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status));
    }
}
