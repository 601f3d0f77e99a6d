package com.catalogimage.updater.messaging;

import static com.catalogimage.updater.service.CatalogWriter.STAGE;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.updater.service.CatalogWriter;
import com.catalogimage.updater.service.FailureClassifier;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * stored-images → the catalog → image-status. Records of a partition are handled one after the other (a product's
 * records share its partition), on a worker thread because the DAB calls block.
 */
@ApplicationScoped
public class StoredImageConsumer {

    private static final Logger LOG = Logger.getLogger(StoredImageConsumer.class);

    /** Dead letters of this stage have been tried once; the DAB client's own retries happen inside that one try. */
    private static final int ATTEMPTS = 1;

    private final CatalogWriter writer;
    private final MutinyEmitter<ProductStatus> statuses;

    public StoredImageConsumer(CatalogWriter writer, @Channel("status-out") MutinyEmitter<ProductStatus> statuses) {
        this.writer = writer;
        this.statuses = statuses;
    }

    @Incoming("stored")
    @Blocking
    public CompletionStage<Void> consume(Message<StoredImage> message) {
        StoredImage stored = message.getPayload(); // never null: unreadable records are dead-lettered before they get here
        ProductStatus status;
        try {
            status = writer.write(stored);
        } catch (RuntimeException e) {
            FailureClassifier.Failure failure = FailureClassifier.classify(e);
            LOG.warnf("Product %d: giving up (%s): %s", stored.request().product().id(), failure.reason(), failure.detail());
            send(ProductStatus.deadLettered(stored.request(), failure.reason(), failure.detail(), STAGE));
            return message.nack(e, deadLetter(failure.reason()));
        }
        send(status);
        return message.ack();
    }

    private void send(ProductStatus status) {
        statuses.sendMessageAndAwait(KafkaRecord.of(String.valueOf(status.productId()), status));
    }

    private static Metadata deadLetter(DeadLetterReason reason) {
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(DeadLetterHeaders.of(reason, STAGE, ATTEMPTS)).build());
    }
}
