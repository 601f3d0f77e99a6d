package com.catalogimage.messaging.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Starts the trace of one image request. Each request is its own trace, from the scanner's send to the updater's
 * catalog write: a scan of thousands of products would otherwise be one unreadable trace. The request's root span
 * links to the span current where it is made (the scan's or the operator's HTTP call, when traced) and to the trace it
 * comes from, if any (a replayed dead letter's).
 */
@ApplicationScoped
public class RequestTraces {

    /** The W3C header the Kafka connector writes on every record it sends (and the failure strategy copies). */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;

    public RequestTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * A new root span for the request, started now; end it once the request is sent.
     *
     * @param origin the {@code traceparent} of the record this request continues (a replay's dead letter), or
     *               {@code null}
     */
    public Span start(String name, String origin) {
        var span = tracer.spanBuilder(name).setNoParent().setSpanKind(SpanKind.PRODUCER);
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            span.addLink(current);
        }
        SpanContext from = parse(origin);
        if (from.isValid()) {
            span.addLink(from);
        }
        return span.startSpan();
    }

    /** The span context a {@code traceparent} value names; invalid when there is none or it cannot be read. */
    public static SpanContext parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceparent), HEADER);
        return Span.fromContext(extracted).getSpanContext();
    }

    private static final TextMapGetter<Map<String, String>> HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
