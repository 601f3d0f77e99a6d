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
     * A record keyed by {@code key} whose send span is a child of the span current now, where the record is made.
     * Without it, Quarkus gives an emitter's record the context current when the record passes through the emitter,
     * which for a send chained after another (the generator's GENERATED status after its image) is the thread that
     * completed the first send, not the consumer method's.
     */
    public static <K, T> Message<T> of(K key, T payload) {
        return KafkaRecord.of(key, payload).addMetadata(TracingMetadata.withCurrent(Context.current()));
    }

    /** {@link #of(Object, Object)} to another topic than the channel's: a second topic written in one transaction. */
    public static <K, T> Message<T> of(String topic, K key, T payload) {
        return KafkaRecord.of(topic, key, payload).addMetadata(TracingMetadata.withCurrent(Context.current()));
    }
}
