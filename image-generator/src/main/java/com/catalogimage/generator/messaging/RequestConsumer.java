package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.generator.service.GenerationService;
import com.catalogimage.generator.service.GenerationService.Failed;
import com.catalogimage.generator.service.GenerationService.Generated;
import com.catalogimage.generator.service.RequestDecision;
import com.catalogimage.generator.service.StatusView;
import com.catalogimage.generator.service.UnpublishedImages;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.tracing.TracedRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The generator's main flow: one image request in; the {@link RequestDecision}; an image and GENERATED out, or the
 * request skipped as a duplicate or superseded; a failure goes to the shared {@link FailurePolicy}.
 */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);

    private final GenerationService generator;
    private final ImagePublisher publisher;
    private final StatusView view;
    private final FailurePolicy policy;
    private final UnpublishedImages unpublished;
    private final MeterRegistry metrics;
    /** Request ids being generated right now: a second copy of one is a duplicate too. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public RequestConsumer(GenerationService generator, ImagePublisher publisher, StatusView view,
            FailurePolicy policy, UnpublishedImages unpublished, MeterRegistry metrics) {
        this.generator = generator;
        this.publisher = publisher;
        this.view = view;
        this.policy = policy;
        this.unpublished = unpublished;
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
        boolean mine = !view.alreadyGenerated(request.requestId()) && inFlight.add(request.requestId());
        try {
            RequestDecision decision = RequestDecision.decide(request, !mine, unpublished.holds(request.requestId()),
                    view.lastImageOf(request.product().id()));
            if (decision == RequestDecision.PUBLISH_HELD) {
                var held = unpublished.take(request.requestId());
                if (held.isPresent()) {
                    LOG.infof("Product %d (request %s): publishing the image generated on an earlier delivery",
                            request.product().id(), request.requestId());
                    return publish(message, held.get().image(), held.get().status());
                }
                decision = RequestDecision.DUPLICATE; // another copy of the record took it meanwhile
            }
            if (decision != RequestDecision.GENERATE) {
                count(decision.name().toLowerCase(), null);
                LOG.infof("Product %d (request %s) skipped: %s", request.product().id(), request.requestId(), decision);
                return Uni.createFrom().completionStage(message.ack());
            }
            GenerationService.Outcome outcome = generator.generate(request);
            if (outcome instanceof Generated generated) {
                count("generated", null);
                record(generated);
                ProductStatus status = ProductStatus.generated(request, generated.image().costUsd(),
                        detail(generated, FailurePolicy.attempts(message)), GeneratorMessaging.STAGE);
                return publish(message, generated.image(), status);
            }
            Failed failed = (Failed) outcome;
            count(failed.failureClass().action() == FailureClass.Action.RETRY ? "retried" : "failed", null);
            return Uni.createFrom().completionStage(policy.fail(message, request, failed.failureClass(),
                    failed.detail(), () -> again(message)));
        } finally {
            if (mine) {
                inFlight.remove(request.requestId());
            }
        }
    }

    /**
     * The image, then GENERATED, then the ack. A publication that fails keeps the paid image for the record's next
     * delivery (a delayed retry) instead of losing it, and goes to the failure policy as a transient failure.
     */
    private Uni<Void> publish(Message<ImageRequest> message, GeneratedImage image, ProductStatus status) {
        return publisher.generated(image, status)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    unpublished.keep(image, status);
                    return Uni.createFrom().completionStage(policy.fail(message, image.request(),
                            FailureClass.TRANSIENT, "the generated image could not be published: " + failure,
                            () -> again(message)));
                });
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

    /** What the GENERATED status says: the image, the calls of this delivery, and which delivery it was. */
    private static String detail(Generated generated, int delivery) {
        var image = generated.image();
        return "%s %s %s, %d bytes, %d call(s) in delivery %d".formatted(image.deployment(), image.size(),
                image.quality(), image.image().length, generated.attempts(), delivery);
    }
}
