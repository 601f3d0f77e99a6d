package com.catalogimage.console.messaging;

import com.catalogimage.contracts.ProductStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds every status written by any stage into the console's {@link ConsoleStatus}. */
@ApplicationScoped
public class StatusConsumer {

    private final ConsoleStatus status;

    public StatusConsumer(ConsoleStatus status) {
        this.status = status;
    }

    /**
     * In batches, as the scanner reads them (a poll's worth at a time; docs/benchmarks.md): records, not payloads,
     * because the timeline shows each status's trace id from its headers. An unreadable status arrives as a null value.
     */
    @Incoming(ConsoleMessaging.STATUS_IN)
    public void consume(ConsumerRecords<String, ProductStatus> records) {
        status.apply(records);
    }
}
