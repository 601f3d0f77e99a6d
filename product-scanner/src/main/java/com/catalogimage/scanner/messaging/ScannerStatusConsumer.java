package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds every status written by any stage into the scanner's {@link StatusMemory}. */
@ApplicationScoped
public class ScannerStatusConsumer {

    private final StatusMemory memory;

    public ScannerStatusConsumer(StatusMemory memory) {
        this.memory = memory;
    }

    /**
     * In batches (a poll's worth at a time): the whole topic is read at every start and followed after, and one message
     * per status made the framework's per-message work most of this consumer's CPU (docs/benchmarks.md). An unreadable
     * status arrives as a null value and only advances the offset.
     */
    @Incoming(ScannerMessaging.STATUS_IN)
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        memory.apply(records);
    }
}
