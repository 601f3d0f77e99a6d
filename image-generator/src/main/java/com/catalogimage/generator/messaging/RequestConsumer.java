package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.messaging.FailureHandling;
import com.catalogimage.generator.service.GenerationService;
import com.catalogimage.generator.service.GenerationService.Failed;
import com.catalogimage.generator.service.GenerationService.Generated;
import com.catalogimage.generator.service.StatusView;
import com.catalogimage.messaging.tracing.TracedRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The generator's main flow: one image request in; an image and GENERATED out, or a duplicate or superseded request
 * skipped, or a retry later (delayed-retry topics), or a dead letter.
 */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);

    private final GenerationService generator;
    private final ImagePublisher publisher;
    private final StatusView view;
    private final MeterRegistry metrics;
    private final int maxDelayedRetries;
    /** Request ids being generated right now: a second copy of one is a duplicate too. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public RequestConsumer(GenerationService generator, ImagePublisher publisher, StatusView view, MeterRegistry metrics,
            @ConfigProperty(name = "mp.messaging.incoming.image-requests.delayed-retry-topic.max-retries")
            int maxDelayedRetries) {
        this.generator = generator;
        this.publisher = publisher;
        this.view = view;
        this.metrics = metrics;
        this.maxDelayedRetries = maxDelayedRetries;
    }

    @Incoming(Channels.REQUESTS)
    // openai-java blocks its thread, and so do waits for a permit, the budget or a halt's probe: calls run on a bounded
    // worker pool (GENERATOR_CONCURRENCY), acknowledged out of order; the throttled commit strategy still commits only
    // offsets whose predecessors are all done.
    @Blocking(value = "image-calls", ordered = false)
    @TracedRecord
    public Uni<Void> consume(Message<ImageRequest> message) throws InterruptedException {
        ImageRequest request = message.getPayload();
        if (request == null) {
            return poison(message, null);
        }
        if (request.requestId() == null || request.requestId().isBlank() || request.product() == null) {
            // JSON, but not an image request: nothing to generate from, and retrying cannot change that.
            return poison(message, "the record has no request id or no product");
        }
        if (view.alreadyGenerated(request.requestId()) || !inFlight.add(request.requestId())) {
            count("duplicate", null);
            LOG.infof("Product %d (request %s) skipped: its image was already generated", request.product().id(),
                    request.requestId());
            return Uni.createFrom().completionStage(message.ack());
        }
        try {
            Instant supersededBy = supersededBy(request);
            if (supersededBy != null) {
                count("superseded", null);
                LOG.infof("Product %d (request %s) skipped as superseded: the product got an image at %s, after this"
                        + " scan request was made at %s", request.product().id(), request.requestId(), supersededBy,
                        request.requestedAt());
                return Uni.createFrom().completionStage(message.ack());
            }
            int earlier = earlierAttempts(message);
            GenerationService.Outcome outcome = generator.generate(request);
            int attempts = earlier + outcome.attempts();
            if (outcome instanceof Generated generated) {
                ProductStatus status = ProductStatus.generated(request, generated.image().costUsd(),
                        detail(generated, attempts), ImagePublisher.STAGE);
                count("generated", null);
                record(generated);
                return publisher.generated(generated.image(), status)
                        .chain(() -> Uni.createFrom().completionStage(message.ack()));
            }
            Failed failed = (Failed) outcome;
            if (failed.failureClass().action() == FailureClass.Action.RETRY
                    && !FailureHandling.isLastAttempt(message, maxDelayedRetries)) {
                return retryLater(message, request, failed, attempts);
            }
            DeadLetterReason reason = failed.failureClass().deadLetterReason() != null
                    ? failed.failureClass().deadLetterReason() : DeadLetterReason.RETRIES_EXHAUSTED;
            return deadLetter(message, request, reason, failed.detail(), attempts);
        } finally {
            inFlight.remove(request.requestId());
        }
    }

    /**
     * When the product got an image at or after this request was made, if the request is a scan's: the scanner
     * re-requests a product whose status is older than its in-flight timeout, so with a backlog the same product can sit
     * in the topic twice (the second behind the first); once the first has an image, the second is superseded. Replays
     * and other non-scan origins are an operator's deliberate choice and are never superseded. {@code null}: generate.
     */
    private Instant supersededBy(ImageRequest request) {
        if (request.origin() != ImageRequest.Origin.SCAN || request.requestedAt() == null) {
            return null;
        }
        Instant image = view.lastImageOf(request.product().id());
        return image != null && !image.isBefore(request.requestedAt()) ? image : null;
    }

    /** A transient failure: SmallRye sends the record to the next delayed-retry topic, carrying the attempts so far. */
    private Uni<Void> retryLater(Message<ImageRequest> message, ImageRequest request, Failed failed, int attempts) {
        count("retried", null);
        LOG.infof("Product %d (request %s) to be retried later (delayed retry %d of %d, %d attempt(s) so far): %s",
                request.product().id(), request.requestId(), FailureHandling.delayedRetries(message) + 1,
                maxDelayedRetries, attempts, failed.detail());
        Metadata carried = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders().add(DeadLetterHeaders.ATTEMPTS,
                        String.valueOf(attempts).getBytes(StandardCharsets.UTF_8)))
                .build());
        return Uni.createFrom().completionStage(message.nack(new ImageGenerationFailedException(failed.detail()), carried));
    }

    private Uni<Void> deadLetter(Message<ImageRequest> message, ImageRequest request, DeadLetterReason reason,
            String detail, int attempts) {
        LOG.warnf("Product %d (request %s) dead-lettered after %d attempt(s): %s", request.product().id(),
                request.requestId(), attempts, detail);
        count("dead-lettered", reason);
        ProductStatus status = ProductStatus.deadLettered(request, reason, detail, ImagePublisher.STAGE);
        return publisher.status(status).chain(() -> Uni.createFrom().completionStage(message.nack(
                new ImageGenerationFailedException(detail), FailureHandling.deadLetterNow(reason, ImagePublisher.STAGE, attempts))));
    }

    /**
     * A record that is not an image request: unreadable (PoisonRequestHandler kept its bytes and the cause) or without
     * a value. Dead-lettered as POISON; the partition moves on.
     */
    private Uni<Void> poison(Message<ImageRequest> message, String why) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Header cause = record.getHeaders().lastHeader("deserialization-failure-reason");
        String detail = "not an image request: " + (why != null ? why : cause != null
                ? new String(cause.value(), StandardCharsets.UTF_8) : "the record has no value");
        LOG.warnf("Poison record at %s-%d@%d dead-lettered: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), detail);
        count("dead-lettered", DeadLetterReason.POISON);
        Uni<Void> status = Uni.createFrom().voidItem();
        Long productId = productId(record.getKey());
        if (productId != null) {
            status = publisher.status(new ProductStatus(productId, null, 0, ProductStatus.State.DEAD_LETTERED,
                    DeadLetterReason.POISON.code(), detail, ImagePublisher.STAGE, Instant.now(), null));
        }
        return status.chain(() -> Uni.createFrom().completionStage(message.nack(new ImageGenerationFailedException(detail),
                FailureHandling.deadLetterNow(DeadLetterReason.POISON, ImagePublisher.STAGE, 0))));
    }

    /** Calls made on earlier deliveries of this record (carried through the delayed-retry topics). */
    private static int earlierAttempts(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getHeaders().lastHeader(DeadLetterHeaders.ATTEMPTS))
                .map(header -> {
                    try {
                        return Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).trim());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                })
                .orElse(0);
    }

    private void record(Generated generated) {
        var image = generated.image();
        if (image.costUsd() != null) {
            metrics.counter("generator.cost.usd", "model", image.model()).increment(image.costUsd().doubleValue());
        }
        if (image.usage() != null) {
            metrics.counter("generator.tokens", "type", "input").increment(image.usage().inputTokens());
            metrics.counter("generator.tokens", "type", "output").increment(image.usage().outputTokens());
        }
    }

    private void count(String outcome, DeadLetterReason reason) {
        metrics.counter("generator.requests", "outcome", outcome, "reason", reason == null ? "none" : reason.name())
                .increment();
    }

    private static String detail(Generated generated, int attempts) {
        var image = generated.image();
        return "%s %s %s, %d bytes, %d attempt(s)".formatted(image.deployment(), image.size(), image.quality(),
                image.image().length, attempts);
    }

    private static Long productId(Object key) {
        try {
            return key == null ? null : Long.valueOf(key.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why a record was retried or dead-lettered; its message becomes SmallRye's reason header. */
    static class ImageGenerationFailedException extends RuntimeException {
        ImageGenerationFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
