package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes image requests and the scanner's statuses, keyed by product id. */
@ApplicationScoped
public class RequestPublisher {

    public static final String STAGE = "product-scanner";

    private final MutinyEmitter<ImageRequest> requests;
    private final MutinyEmitter<ProductStatus> statuses;

    public RequestPublisher(@Channel("image-requests") MutinyEmitter<ImageRequest> requests,
            @Channel("status-out") MutinyEmitter<ProductStatus> statuses) {
        this.requests = requests;
        this.statuses = statuses;
    }

    /**
     * REQUESTED is written before the request: if the scanner dies in between, the product looks stuck and is requested
     * again after the in-flight timeout, instead of being requested twice at the next scan.
     */
    public Uni<Void> request(ImageRequest request, ProductStatus requested) {
        String key = String.valueOf(request.product().id());
        return statuses.sendMessage(KafkaRecord.of(key, requested))
                .chain(() -> requests.sendMessage(KafkaRecord.of(key, request)));
    }

    public Uni<Void> status(ProductStatus status) {
        return statuses.sendMessage(KafkaRecord.of(String.valueOf(status.productId()), status));
    }
}
