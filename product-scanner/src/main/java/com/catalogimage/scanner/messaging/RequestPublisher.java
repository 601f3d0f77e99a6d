package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.tracing.RecordContext;
import com.catalogimage.messaging.tracing.RequestTraces;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Writes image requests and the scanner's statuses, keyed by product id. */
@ApplicationScoped
public class RequestPublisher {

    public static final String STAGE = "product-scanner";

    private final MutinyEmitter<ImageRequest> requests;
    private final MutinyEmitter<ProductStatus> statuses;
    private final RequestTraces traces;

    public RequestPublisher(@Channel("image-requests") MutinyEmitter<ImageRequest> requests,
            @Channel("status-out") MutinyEmitter<ProductStatus> statuses, RequestTraces traces) {
        this.requests = requests;
        this.statuses = statuses;
        this.traces = traces;
    }

    /**
     * REQUESTED is written before the request: if the scanner dies in between, the product looks stuck and is requested
     * again after the in-flight timeout, instead of being requested twice at the next scan.
     */
    public Uni<Void> request(ImageRequest request, ProductStatus requested) {
        return request(request, requested, null);
    }

    /**
     * The request starts its own trace, which every stage continues through the records' {@code traceparent} headers.
     *
     * @param origin the {@code traceparent} of the record the request comes from (a replayed dead letter), linked from
     *               the new trace; {@code null} for a scan's request
     */
    public Uni<Void> request(ImageRequest request, ProductStatus requested, String origin) {
        String key = String.valueOf(request.product().id());
        Span span = traces.start(request.origin() == ImageRequest.Origin.REPLAY ? "replay request" : "request", origin);
        Message<ProductStatus> status;
        Message<ImageRequest> record;
        String what = "requesting an image (" + request.origin() + ", attempt " + request.attempt()
                + (origin == null ? "" : ", after trace " + RequestTraces.parse(origin).getTraceId()) + ")";
        try (RecordContext ignored = RecordContext.enter(Context.current().with(span), request.product().id(),
                request.requestId(), what)) {
            status = TracedRecords.of(key, requested);
            record = TracedRecords.of(key, request);
        }
        return statuses.sendMessage(status).chain(() -> requests.sendMessage(record)).onTermination().invoke(span::end);
    }

    public Uni<Void> status(ProductStatus status) {
        return statuses.sendMessage(TracedRecords.of(String.valueOf(status.productId()), status));
    }
}
