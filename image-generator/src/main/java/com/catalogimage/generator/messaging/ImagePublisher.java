package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes generated images and the generator's statuses, keyed by product id. */
@ApplicationScoped
public class ImagePublisher {

    private final MutinyEmitter<GeneratedImage> images;
    private final MutinyEmitter<ProductStatus> statuses;

    public ImagePublisher(@Channel(Channels.GENERATED) MutinyEmitter<GeneratedImage> images,
            @Channel(Channels.STATUS) MutinyEmitter<ProductStatus> statuses) {
        this.images = images;
        this.statuses = statuses;
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

    public Uni<Void> status(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status));
    }
}
