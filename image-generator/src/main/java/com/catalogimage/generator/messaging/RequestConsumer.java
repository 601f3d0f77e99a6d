package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.generator.service.GenerationService;
import com.catalogimage.generator.service.GenerationService.Failed;
import com.catalogimage.generator.service.GenerationService.Generated;
import com.catalogimage.generator.service.GenerationService.NotStarted;
import com.catalogimage.generator.service.GenerationService.Rejected;
import com.catalogimage.generator.service.GenerationService.Unchecked;
import com.catalogimage.generator.service.PaidImages;
import com.catalogimage.generator.service.RequestDecision;
import com.catalogimage.generator.service.UnpublishedImages;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.messaging.shutdown.InFlightWork;
import com.catalogimage.messaging.tracing.TracedRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The generator's main flow: one image request in; the {@link RequestDecision}; an image with its quality verdict and
 * GENERATED out, or the request skipped as a duplicate or superseded; a failure, and an image the enforced quality
 * check rejected, go to the shared {@link FailurePolicy}. Every image paid
 * for goes to the ledger twice (docs/decisions/0014): as soon as the API answered, so that a restart still counts it
 * and knows its request id, and once it is published, so that a later delivery of the request id is a duplicate.
 * Everything about one product, from the decision to the publication, runs under that product's lock: records run in
 * parallel and out of order, and a second record of the product (a redelivery, a scan's re-request beside a replay)
 * must see what the first one did.
 */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);
    /** A ledger write is a small record to a healthy broker; longer means the broker is in trouble, and so is the image. */
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    private final GenerationService generator;
    private final ImagePublisher publisher;
    private final PaidImages paidImages;
    private final FailurePolicy policy;
    private final UnpublishedImages unpublished;
    /** Where a record comes from when it did not come from Kafka (a test's in-memory channel). */
    private static final TopicPartition NOT_KAFKA = new TopicPartition("", -1);

    private final InFlightWork<TopicPartition> work;
    private final MeterRegistry metrics;
    private final KeyLocks products = new KeyLocks();

    public RequestConsumer(GenerationService generator, ImagePublisher publisher, PaidImages paidImages,
            FailurePolicy policy, UnpublishedImages unpublished, InFlightWork<TopicPartition> work, MeterRegistry metrics) {
        this.generator = generator;
        this.publisher = publisher;
        this.paidImages = paidImages;
        this.policy = policy;
        this.unpublished = unpublished;
        this.work = work;
        this.metrics = metrics;
    }

    @Incoming(Channels.REQUESTS)
    // openai-java blocks its thread, and so do waits for a permit or the budget: calls run on a bounded worker pool
    // (GENERATOR_CONCURRENCY), acknowledged out of order; the throttled commit strategy still commits only offsets
    // whose predecessors are all done.
    @Blocking(value = "image-calls", ordered = false)
    @TracedRecord
    public Uni<Void> consume(Message<ImageRequest> message) throws InterruptedException {
        ImageRequest request = message.getPayload();
        if (request == null || request.requestId() == null || request.requestId().isBlank() || request.product() == null) {
            count("dead-lettered", DeadLetterReason.POISON);
            // JSON but not an image request: nothing to generate from, and retrying cannot change that.
            return Uni.createFrom().completionStage(policy.poison(message,
                    request == null ? null : "the record has no request id or no product"));
        }
        TopicPartition partition = partitionOf(message);
        if (!work.enter(partition)) {
            return work.draining() ? notStarted(request) : Uni.createFrom().completionStage(given(request));
        }
        try {
            CompletionStage<Void> outcome;
            try (KeyLocks.Held held = products.lock(request.product().id())) {
                // the partition may have moved to another process while this waited for the product
                outcome = work.mayStart(partition) ? handle(message, request) : given(request);
            }
            return Uni.createFrom().completionStage(outcome);
        } finally {
            work.exit(partition);
        }
    }

    /** Decides, generates and publishes, blocking, under the product's lock; a failure's handling is returned. */
    private CompletionStage<Void> handle(Message<ImageRequest> message, ImageRequest request)
            throws InterruptedException {
        String requestId = request.requestId();
        RequestDecision decision = RequestDecision.decide(request, paidImages.published(requestId),
                unpublished.holds(requestId), paidImages.lastImageOf(request.product().id()));
        if (decision == RequestDecision.PUBLISH_HELD) {
            var held = unpublished.take(requestId);
            if (held.isPresent()) {
                LOG.infof("Product %d (request %s): %s the image generated on an earlier delivery",
                        request.product().id(), requestId, held.get().awaitsCheck() ? "checking" : "publishing");
                return held.get().awaitsCheck() ? finish(message, generator.recheck(held.get().image(), this::writeLedger))
                        : publish(message, held.get().image(), held.get().status());
            }
            // dropped from memory since (to bound it): paid for but not out, so decided again without it
            decision = RequestDecision.decide(request, paidImages.published(requestId), false,
                    paidImages.lastImageOf(request.product().id()));
        }
        if (decision != RequestDecision.GENERATE) {
            count(decision.name().toLowerCase(), null);
            LOG.infof("Product %d (request %s) skipped: %s", request.product().id(), requestId, decision);
            return message.ack();
        }
        paidImages.paid(requestId).ifPresent(earlier -> LOG.warnf("Product %d (request %s): paid for before (%d "
                + "image(s), the latest at %s) but never published (a crash or a dropped held image): generating it "
                + "again", request.product().id(), requestId, earlier.images(), earlier.at()));
        return finish(message, generator.generate(request, this::writeLedger));
    }

    /**
     * An image with its verdict is published; one the enforced check rejected is dead-lettered with its verdict; one
     * whose enforced check could not be made is held for the next delivery; a failure goes to the failure policy.
     * Every payment is in the ledger by now (GenerationService writes it as the API answers).
     */
    private CompletionStage<Void> finish(Message<ImageRequest> message, GenerationService.Outcome outcome) {
        ImageRequest request = message.getPayload();
        if (outcome instanceof NotStarted) {
            return notStarted(request).subscribeAsCompletionStage();
        }
        if (outcome instanceof Generated generated) {
            count("generated", null);
            ProductStatus status = ProductStatus.generated(request, generated.costUsd(),
                    detail(generated, FailurePolicy.attempts(message)), GeneratorMessaging.STAGE)
                    .withVerdict(generated.image().verdict());
            return publish(message, generated.image(), status);
        }
        if (outcome instanceof Rejected rejected) {
            writeLedger(rejected.paid()); // with the checks' cost, for the budget
            count("dead-lettered", DeadLetterReason.QUALITY_REJECTED);
            QualityVerdict verdict = rejected.image().verdict();
            return policy.fail(message, request, FailureClass.QUALITY_REJECTED, verdict.summary(),
                    () -> again(message), verdict);
        }
        if (outcome instanceof Unchecked unchecked) {
            writeLedger(unchecked.paid());
            unpublished.keep(unchecked.image(), null);
            count("retried", null);
            // THROTTLED: later, as often as it takes, never a dead letter: the image is paid for and must not be lost
            return policy.fail(message, request, FailureClass.THROTTLED, unchecked.why(), () -> again(message));
        }
        Failed failed = (Failed) outcome;
        count(failed.failureClass().action() == FailureClass.Action.RETRY ? "retried" : "failed", null);
        return policy.fail(message, request, failed.failureClass(), failed.detail(), () -> again(message));
    }

    /**
     * The image, then GENERATED, then the ledger says it is out, then the ack. A publication that fails keeps the paid
     * image for the record's next delivery (a delayed retry) instead of losing it, and goes to the failure policy as a
     * transient failure.
     */
    private CompletionStage<Void> publish(Message<ImageRequest> message, GeneratedImage image, ProductStatus status) {
        try {
            publisher.generated(image, status).await().indefinitely();
        } catch (RuntimeException failure) {
            unpublished.keep(image, status);
            return policy.fail(message, image.request(), FailureClass.TRANSIENT,
                    "the generated image could not be published: " + failure, () -> again(message));
        }
        paidImages.paid(image.request().requestId()).map(PaidGeneration::asPublished).ifPresent(out -> {
            paidImages.onPaid(out);
            writeLedger(out);
        });
        return message.ack();
    }

    /**
     * Waits until the broker has the entry. A failure is logged, not fatal: the image is paid for either way, and
     * publishing it matters more; the entry written once it is published carries everything again.
     */
    private void writeLedger(PaidGeneration paid) {
        if (paid == null) {
            return;
        }
        try {
            publisher.paid(paid).await().atMost(LEDGER_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("Product %d (request %s): the ledger entry (published: %s) could not be written: %s; a restart "
                    + "before its next entry may not count this image", paid.productId(), paid.requestId(),
                    paid.published(), e.toString());
        }
    }

    /**
     * A record that arrives, or waits for the budget, while the service shuts down: nothing was paid, and it stays
     * unacknowledged, so the consumer that gets the partition next takes it.
     */
    private Uni<Void> notStarted(ImageRequest request) {
        LOG.infof("Product %d (request %s): not started, shutting down; left for the next consumer",
                request.product().id(), request.requestId());
        return Uni.createFrom().nothing();
    }

    /**
     * A record whose partition another process got (RequestsRebalance) before it started: left to that process, which
     * sees it from the start. The record is not acknowledged, and need not be: the connector no longer commits for the
     * partition.
     */
    private CompletionStage<Void> given(ImageRequest request) {
        LOG.infof("Product %d (request %s): not started, its partition went to another consumer",
                request.product().id(), request.requestId());
        return CompletableFuture.completedFuture(null);
    }

    private static TopicPartition partitionOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new TopicPartition(kafka.getTopic(), kafka.getPartition()))
                .orElse(NOT_KAFKA);
    }

    /** A record held through a pause, handled anew once the pause ends (or as its probe). */
    private CompletionStage<Void> again(Message<ImageRequest> message) {
        try {
            return consume(message).subscribeAsCompletionStage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private void count(String outcome, DeadLetterReason reason) {
        metrics.counter("generator.requests", "outcome", outcome, "reason", reason == null ? "none" : reason.name())
                .increment();
    }

    /** What the GENERATED status says: the image, the calls of this delivery, and which delivery it was. */
    private static String detail(Generated generated, int delivery) {
        var image = generated.image();
        String quality = image.verdict() == null ? "" : ", quality %s%s".formatted(
                image.verdict().outcome().name().toLowerCase(), image.verdict().regenerations() == 0 ? ""
                        : " after %d regeneration(s)".formatted(image.verdict().regenerations()));
        return "%s %s %s, %d bytes, %d call(s) in delivery %d%s".formatted(image.deployment(), image.size(),
                image.quality(), image.image().length, generated.attempts(), delivery, quality);
    }
}
