package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.generator.service.FailureClassifier.Action;
import com.catalogimage.generator.service.GenerationService;
import com.catalogimage.generator.service.GenerationService.Failed;
import com.catalogimage.generator.service.GenerationService.Generated;
import com.catalogimage.generator.service.GeneratorHalt;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/** The generator's main flow: one image request in, an image and GENERATED out, or a dead letter, or a halt. */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);

    private final GenerationService generator;
    private final ImagePublisher publisher;
    private final GeneratorHalt halt;
    private final MeterRegistry metrics;

    public RequestConsumer(GenerationService generator, ImagePublisher publisher, GeneratorHalt halt, MeterRegistry metrics) {
        this.generator = generator;
        this.publisher = publisher;
        this.halt = halt;
        this.metrics = metrics;
    }

    @Incoming(Channels.REQUESTS)
    // openai-java blocks its thread: calls run on a bounded worker pool (GENERATOR_CONCURRENCY), acknowledged out of
    // order; the throttled commit strategy still commits only offsets whose predecessors are all done.
    @Blocking(value = "image-calls", ordered = false)
    public Uni<Void> consume(Message<ImageRequest> message) {
        ImageRequest request = message.getPayload();
        if (request == null) {
            return poison(message);
        }
        if (halt.reason().isPresent()) {
            return held(request); // left unacknowledged: processed again after the fix
        }
        GenerationService.Outcome outcome = generator.generate(request);
        if (outcome instanceof Generated generated) {
            ProductStatus status = ProductStatus.generated(request, generated.image().costUsd(), detail(generated),
                    ImagePublisher.STAGE);
            count("generated", null);
            record(generated);
            return publisher.generated(generated.image(), status).chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        Failed failed = (Failed) outcome;
        if (failed.failureClass().action() == Action.HALT) {
            halt.halt(failed.failureClass(), failed.detail());
            return held(request);
        }
        return deadLetter(message, request, failed.failureClass().deadLetterReason(), failed.detail(), failed.attempts());
    }

    private Uni<Void> deadLetter(Message<ImageRequest> message, ImageRequest request, DeadLetterReason reason,
            String detail, int attempts) {
        LOG.warnf("Product %d (request %s) dead-lettered after %d attempt(s): %s", request.product().id(),
                request.requestId(), attempts, detail);
        count("dead-lettered", reason);
        ProductStatus status = ProductStatus.deadLettered(request, reason, detail, ImagePublisher.STAGE);
        return publisher.status(status).chain(() -> nack(message, new ImageGenerationFailedException(detail), reason, attempts));
    }

    /**
     * A record without a value (a tombstone): dead-lettered as POISON. Unreadable values never get here: SmallRye
     * dead-letters them itself (see PoisonRequestHandler).
     */
    private Uni<Void> poison(Message<ImageRequest> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String detail = "not an image request: the record has no value";
        LOG.warnf("Poison record at %s-%d@%d dead-lettered: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), detail);
        count("dead-lettered", DeadLetterReason.POISON);
        Uni<Void> status = Uni.createFrom().voidItem();
        Long productId = productId(record.getKey());
        if (productId != null) {
            status = publisher.status(new ProductStatus(productId, null, 0, ProductStatus.State.DEAD_LETTERED,
                    DeadLetterReason.POISON.code(), detail, ImagePublisher.STAGE, Instant.now(), null));
        }
        return status.chain(() -> nack(message, new ImageGenerationFailedException(detail), DeadLetterReason.POISON, 0));
    }

    private Uni<Void> held(ImageRequest request) {
        count("held", null);
        LOG.debugf("Product %d (request %s) held: generation is halted", request.product().id(), request.requestId());
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> nack(Message<?> message, Throwable failure, DeadLetterReason reason, int attempts) {
        Metadata headers = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(DeadLetterHeaders.of(reason, ImagePublisher.STAGE, attempts)).build());
        return Uni.createFrom().completionStage(message.nack(failure, headers));
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

    private static String detail(Generated generated) {
        var image = generated.image();
        return "%s %s %s, %d bytes, %d attempt(s)".formatted(image.deployment(), image.size(), image.quality(),
                image.image().length, generated.attempts());
    }

    private static Long productId(Object key) {
        try {
            return key == null ? null : Long.valueOf(key.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why a record was dead-lettered; its message becomes SmallRye's {@code dead-letter-reason} header. */
    static class ImageGenerationFailedException extends RuntimeException {
        ImageGenerationFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
