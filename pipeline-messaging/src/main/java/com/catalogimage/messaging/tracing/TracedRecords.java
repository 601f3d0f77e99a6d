package com.catalogimage.messaging.tracing;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Outgoing records that belong to the trace current where they are made. */
public final class TracedRecords {

    private TracedRecords() {
    }

    /**
     * A record keyed by {@code key} whose send span is a child of the span current now. The Kafka connector would
     * otherwise take the context current when it writes the record, which for an emitter's record need not be this
     * thread's (a record queued behind others is written from the producer's callback thread), and a Uni chain's later
     * steps run outside the consumer method's scope.
     */
    public static <K, T> Message<T> of(K key, T payload) {
        return KafkaRecord.of(key, payload).addMetadata(TracingMetadata.withCurrent(Context.current()));
    }
}
