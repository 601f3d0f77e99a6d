package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.ProductStatus;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
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
        return statuses.sendMessage(KafkaRecord.of(String.valueOf(status.productId()), status))
                .subscribeAsCompletionStage();
    }
}
