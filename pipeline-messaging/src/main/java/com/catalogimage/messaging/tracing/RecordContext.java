package com.catalogimage.messaging.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The context of one product's work on the current thread: its trace made current (Quarkus then puts {@code traceId}
 * and {@code spanId} in the MDC) and {@code productId} and {@code requestId} in the MDC. Close it where the work
 * ends. In Quarkus the MDC and the current trace live in the Vert.x duplicated context when there is one (each Kafka
 * record gets its own, also on the worker thread of a {@code @Blocking} method), else in thread locals; closing removes
 * what was put, so a pooled thread never carries one product's ids into the next record's lines.
 */
public final class RecordContext implements AutoCloseable {

    public static final String PRODUCT_ID = "productId";
    public static final String REQUEST_ID = "requestId";
    private static final Logger LOG = Logger.getLogger(RecordContext.class);

    private final Scope scope;
    private final boolean product;
    private final boolean request;

    private RecordContext(Scope scope, boolean product, boolean request) {
        this.scope = scope;
        this.product = product;
        this.request = request;
    }

    /**
     * @param trace     the trace to make current; {@code null} leaves the current one (tracing off for the channel)
     * @param productId {@code null} when unknown (an unreadable record without a product id key)
     * @param requestId {@code null} when unknown
     * @param what      what is being handled, for the DEBUG line that opens the work
     */
    public static RecordContext enter(Context trace, Long productId, String requestId, String what) {
        Scope scope = trace == null ? Scope.noop() : trace.makeCurrent();
        if (productId != null) {
            MDC.put(PRODUCT_ID, productId.toString());
        }
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        // One line per product and stage, carrying the MDC: with DEBUG on for this category, a product's whole path
        // through the pipeline can be followed by its trace id in the logs alone.
        LOG.debugf("Product %s (request %s): %s", productId, requestId, what);
        return new RecordContext(scope, productId != null, requestId != null);
    }

    @Override
    public void close() {
        if (product) {
            MDC.remove(PRODUCT_ID);
        }
        if (request) {
            MDC.remove(REQUEST_ID);
        }
        scope.close();
    }
}
