package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.tracing.RecordContext;
import com.catalogimage.messaging.tracing.RequestTraces;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes image requests and the scanner's statuses, keyed by product id, in Kafka transactions (decision 0015): a
 * product's REQUESTED status and its request are committed together or not at all, so no request can be lost between
 * the two writes and nothing needs a timeout to be requested again. Readers of both topics read committed records only.
 */
@ApplicationScoped
public class RequestPublisher {

    public static final String STAGE = "product-scanner";
    /** The producer's own {@code transaction.timeout.ms} bounds the commit; this only stops a caller waiting forever. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaTransactions<Object> records;
    private final RequestTraces traces;

    public RequestPublisher(@Channel("image-requests") KafkaTransactions<Object> records, RequestTraces traces) {
        this.records = records;
        this.traces = traces;
    }

    /** Records of one or several products, committed in one transaction by {@link #commit()}. */
    public final class Batch {
        private final List<Message<?>> messages = new ArrayList<>();
        private final List<Span> spans = new ArrayList<>();
        private final List<ProductStatus> statuses = new ArrayList<>();

        private Batch() {
        }

        /** A request and its REQUESTED status; a scan's request has no {@code origin}. */
        public Batch request(ImageRequest request, ProductStatus requested) {
            return request(request, requested, null);
        }

        /**
         * The request starts its own trace, which every stage continues through the records' {@code traceparent}
         * headers.
         *
         * @param origin the {@code traceparent} of the record the request comes from (a replayed dead letter), linked
         *               from the new trace; {@code null} for a scan's request
         */
        public Batch request(ImageRequest request, ProductStatus requested, String origin) {
            String key = String.valueOf(request.product().id());
            Span span = traces.start(request.origin() == ImageRequest.Origin.SCAN ? "request"
                    : request.origin().name().toLowerCase() + " request", origin);
            String what = "requesting an image (" + request.origin() + ", attempt " + request.attempt()
                    + (origin == null ? "" : ", after trace " + RequestTraces.parse(origin).getTraceId()) + ")";
            try (RecordContext ignored = RecordContext.enter(Context.current().with(span), request.product().id(),
                    request.requestId(), what)) {
                messages.add(TracedRecords.of(Topics.IMAGE_STATUS, key, requested));
                messages.add(TracedRecords.of(key, request));
            }
            spans.add(span);
            statuses.add(requested);
            return this;
        }

        /** A status alone (a skip). */
        public Batch status(ProductStatus status) {
            messages.add(TracedRecords.of(Topics.IMAGE_STATUS, String.valueOf(status.productId()), status));
            statuses.add(status);
            return this;
        }

        /** The statuses of this batch: none of them is on the topic if {@link #commit()} failed. */
        public List<ProductStatus> statuses() {
            return List.copyOf(statuses);
        }

        public boolean isEmpty() {
            return messages.isEmpty();
        }

        /** Commits every record of the batch, or none: the transaction is aborted when one fails. */
        public void commit() {
            RequestPublisher.this.commit(this);
        }
    }

    public Batch batch() {
        return new Batch();
    }

    /**
     * One transaction at a time (the emitter refuses a second one in progress): scans, replays and operators' requests
     * take turns. The transaction runs on a worker thread outside any Vert.x context: called from one, the emitter would
     * run the batch on that context, which may be the one this caller blocks.
     */
    private synchronized void commit(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Uni.createFrom().deferred(() -> records.withTransaction(emitter -> {
                batch.messages.forEach(emitter::send);
                return Uni.createFrom().voidItem();
            })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).await().atMost(COMMIT_TIMEOUT);
        } finally {
            batch.spans.forEach(Span::end);
        }
    }
}
