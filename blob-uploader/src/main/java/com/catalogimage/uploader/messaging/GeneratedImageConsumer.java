package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.uploader.service.BlobNamer;
import com.catalogimage.uploader.service.BlobNamer.BlobName;
import com.catalogimage.uploader.service.FailureClassifier;
import com.catalogimage.uploader.service.FailureClassifier.FailureClass;
import com.catalogimage.uploader.service.ImageStore;
import com.catalogimage.uploader.service.ImageStore.Outcome;
import com.catalogimage.uploader.service.ImageValidator;
import com.catalogimage.uploader.service.UploadMetrics;
import com.catalogimage.uploader.service.VerifiedImage;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/** validate → name → upload (idempotent) → StoredImage → status STORED → ack; an invalid image is dead-lettered. */
@ApplicationScoped
public class GeneratedImageConsumer {

    public static final String STAGE = "blob-uploader";
    private static final Logger LOG = Logger.getLogger(GeneratedImageConsumer.class);

    private final ImageValidator validator;
    private final BlobNamer namer;
    private final ImageStore store;
    private final StoredImagePublisher publisher;
    private final UploadMetrics metrics;

    public GeneratedImageConsumer(ImageValidator validator, BlobNamer namer, ImageStore store,
            StoredImagePublisher publisher, UploadMetrics metrics) {
        this.validator = validator;
        this.namer = namer;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Blocking: image decoding and the storage SDK's synchronous calls stay off the event loop; one record at a time. */
    @Incoming("generated")
    @Blocking
    public CompletionStage<Void> store(Message<GeneratedImage> message) {
        GeneratedImage generated = message.getPayload();
        ImageRequest request = generated == null ? null : generated.request();
        if (request == null || request.product() == null) {
            metrics.outcome("failed");
            return message.nack(new IllegalArgumentException("a generated image without its request or product"),
                    deadLetterHeaders(DeadLetterReason.POISON, 1));
        }
        try {
            metrics.received(generated.image());
            VerifiedImage image = validator.validate(generated.image(), generated.contentType(), generated.size());
            BlobName name = namer.name(request.product(), image);
            Outcome outcome = metrics.timeUpload(() -> store.upload(name.name(), image, BlobMetadata.of(generated)));
            String url = store.publicUrl(name.name());
            publisher.stored(new StoredImage(request, name.name(), url, image.contentType(), image.bytes().length,
                    name.sha256(), image.width(), image.height(), generated.model(), Instant.now()));
            publisher.status(ProductStatus.of(request, State.STORED, url, STAGE));
            metrics.outcome(outcome == Outcome.STORED ? "stored" : "already-stored");
            LOG.infof("Product %d: %s %s", request.product().id(), outcome == Outcome.STORED ? "stored" : "already had", url);
            return message.ack();
        } catch (RuntimeException e) {
            return fail(message, request, e);
        }
    }

    private CompletionStage<Void> fail(Message<GeneratedImage> message, ImageRequest request, RuntimeException failure) {
        FailureClass failureClass = FailureClassifier.classify(failure);
        DeadLetterReason reason = switch (failureClass) {
            case INVALID_IMAGE -> DeadLetterReason.INVALID_IMAGE;
            case TRANSIENT -> DeadLetterReason.RETRIES_EXHAUSTED;
            case PERMANENT -> null;
        };
        metrics.outcome(failureClass == FailureClass.INVALID_IMAGE ? "invalid" : "failed");
        if (reason == null) {
            // Configuration errors and bugs: the failure-handling issue will stop the consumer on these; until then the
            // record goes to the dead letters with SmallRye's reason headers and no status, so the scanner asks again.
            LOG.errorf(failure, "Product %d: cannot store the image", request.product().id());
            return message.nack(failure);
        }
        int attempts = reason == DeadLetterReason.INVALID_IMAGE ? 1 : ImageStore.ATTEMPTS;
        String detail = failure.getMessage();
        LOG.warnf("Product %d: dead-lettered %s: %s", request.product().id(), reason, detail);
        try {
            publisher.status(ProductStatus.deadLettered(request, reason, detail, STAGE));
        } catch (RuntimeException e) {
            // The dead letter matters more than the status: the scanner re-requests a product whose status is stale.
            LOG.errorf(e, "Product %d: cannot write status DEAD_LETTERED", request.product().id());
        }
        return message.nack(failure, deadLetterHeaders(reason, attempts));
    }

    private static Metadata deadLetterHeaders(DeadLetterReason reason, int attempts) {
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(DeadLetterHeaders.of(reason, STAGE, attempts)).build());
    }
}
