package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes the updater's statuses, keyed by product id. */
@ApplicationScoped
public class StatusPublisher {

    private final MutinyEmitter<ProductStatus> statuses;

    public StatusPublisher(@Channel("status-out") MutinyEmitter<ProductStatus> statuses) {
        this.statuses = statuses;
    }

    public CompletionStage<Void> send(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status))
                .subscribeAsCompletionStage();
    }
}
