package com.catalogimage.messaging.tracing;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.StoredImage;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts the record's product and request ids in the MDC around the consumer method, and makes the record's span current.
 * SmallRye's Kafka connector starts a "receive" span per record, continuing the trace of its {@code traceparent} header,
 * and keeps it in the message's {@link TracingMetadata}; Quarkus makes it current on the record's Vert.x context, where
 * SmallRye runs the method (a {@code @Blocking} one too). Making it current here as well covers the method being
 * called again from elsewhere: a record held while consuming is paused is handled again from the probe's thread (ArC
 * intercepts such self-invocations too).
 */
@TracedRecord
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TracedRecordInterceptor {

    @AroundInvoke
    Object enter(InvocationContext invocation) throws Exception {
        Message<?> message = (Message<?>) Arrays.stream(invocation.getParameters())
                .filter(Message.class::isInstance).findFirst().orElse(null);
        if (message == null) {
            return invocation.proceed();
        }
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(null);
        ImageRequest request = request(message.getPayload());
        Long productId = request != null && request.product() != null ? Long.valueOf(request.product().id())
                : productIdFromKey(message);
        try (RecordContext ignored = RecordContext.enter(trace, productId, request == null ? null : request.requestId(),
                message.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(record -> "record " + record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset())
                        .orElse("message"))) {
            return invocation.proceed();
        }
    }

    private static ImageRequest request(Object payload) {
        if (payload instanceof ImageRequest request) {
            return request;
        }
        if (payload instanceof GeneratedImage generated) {
            return generated.request();
        }
        if (payload instanceof StoredImage stored) {
            return stored.request();
        }
        return null; // unreadable (poison) or not one of the pipeline's records
    }

    /** Records are keyed by product id: a poison record still names its product. */
    private static Long productIdFromKey(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey)
                .map(key -> {
                    try {
                        return Long.valueOf(key.toString().trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
