package com.catalogimage.console.messaging;

import com.catalogimage.messaging.tracing.RequestTraces;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace id a status record belongs to: the Kafka connector writes the W3C {@code traceparent} of the writer's span
 * on every record it sends (README "Tracing"), and each request is one trace from the scanner to the updater.
 */
final class Traceparents {

    private Traceparents() {
    }

    /** The trace id of the record's last {@code traceparent} header; {@code null} when there is none or it is broken. */
    static String traceId(Headers headers) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(RequestTraces.TRACEPARENT);
        if (header == null || header.value() == null) {
            return null;
        }
        SpanContext context = RequestTraces.parse(new String(header.value(), StandardCharsets.US_ASCII));
        return context.isValid() ? context.getTraceId() : null;
    }
}
