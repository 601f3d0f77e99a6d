package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.scanner.service.StatusStore;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Feeds every status written by any stage into the scanner's memory. */
@ApplicationScoped
public class StatusConsumer {

    private final StatusStore store;

    public StatusConsumer(StatusStore store) {
        this.store = store;
    }

    @Incoming("status-in")
    public CompletionStage<Void> consume(Message<ProductStatus> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        store.apply(message.getPayload(), record.getPartition(), record.getOffset());
        return message.ack();
    }
}
