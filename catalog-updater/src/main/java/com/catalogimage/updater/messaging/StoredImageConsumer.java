package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.updater.client.DabFailures;
import com.catalogimage.updater.service.CatalogWriter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * stored-images → the catalog (the {@link CatalogWriter}'s decision) → image-status → ack. A record that is no stored
 * image is poison; a failed write goes to the shared {@link FailurePolicy} with its {@link DabFailures} class.
 */
@ApplicationScoped
public class StoredImageConsumer {

    private final CatalogWriter writer;
    private final StatusPublisher statuses;
    private final FailurePolicy policy;

    public StoredImageConsumer(CatalogWriter writer, StatusPublisher statuses, FailurePolicy policy) {
        this.writer = writer;
        this.statuses = statuses;
        this.policy = policy;
    }

    /**
     * On a bounded worker pool ({@code UPDATER_CONCURRENCY}), acknowledged out of order: one catalog write at a time
     * (three DAB round trips) capped the stage (docs/benchmarks.md). Records for different products are independent,
     * and the write never overwrites an image, so two deliveries for one product cannot both win.
     */
    @Incoming(UpdaterMessaging.CHANNEL)
    @Blocking(value = "catalog-writes", ordered = false)
    @TracedRecord
    public CompletionStage<Void> consume(Message<StoredImage> message) {
        StoredImage stored = message.getPayload();
        if (stored == null || stored.request() == null || stored.request().product() == null) {
            return policy.poison(message, stored == null ? null : "a stored image without its request or product");
        }
        try {
            return statuses.send(writer.write(stored)).thenCompose(sent -> message.ack());
        } catch (RuntimeException e) {
            return policy.fail(message, stored.request(), DabFailures.classify(e), DabFailures.detail(e),
                    () -> consume(message));
        }
    }
}
