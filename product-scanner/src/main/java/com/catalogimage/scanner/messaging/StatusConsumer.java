package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.scanner.service.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds every status written by any stage into the scanner's memory. */
@ApplicationScoped
public class StatusConsumer {

    private final StatusStore store;

    public StatusConsumer(StatusStore store) {
        this.store = store;
    }

    /**
     * In batches (a poll's worth at a time): the whole topic is read at every start and followed after, and one message
     * per status made the framework's per-message work most of this consumer's CPU (docs/benchmarks.md). An unreadable
     * status arrives as a null value and only advances the offset.
     */
    @Incoming("status-in")
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        for (ConsumerRecord<String, ProductStatus> record : records) {
            store.apply(record.value(), record.partition(), record.offset());
        }
    }
}
