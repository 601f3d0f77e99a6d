package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.tracing.TracedRecord;
import com.catalogimage.updater.client.DabFailures;
import com.catalogimage.updater.config.UpdaterConfig;
import com.catalogimage.updater.service.CatalogWriter;
import com.catalogimage.updater.service.ImageUrlRule;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * stored-images → the catalog (the {@link CatalogWriter}'s decision) → image-status → ack. A record that is no stored
 * image is poison; one whose URL is not under the public base is dead-lettered INVALID_REQUEST
 * ({@link ImageUrlRule}); a failed write goes to the shared {@link FailurePolicy} with its {@link DabFailures} class.
 */
@ApplicationScoped
public class StoredImageConsumer {

    private final CatalogWriter writer;
    private final StatusPublisher statuses;
    private final FailurePolicy policy;
    private final ImageUrlRule urls;

    public StoredImageConsumer(CatalogWriter writer, StatusPublisher statuses, FailurePolicy policy,
            UpdaterConfig config) {
        this.writer = writer;
        this.statuses = statuses;
        this.policy = policy;
        this.urls = ImageUrlRule.of(config.imageBaseUrls());
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
        Optional<String> refused = urls.refusal(stored.url());
        if (refused.isPresent()) {
            return policy.fail(message, stored.request(), FailureClass.INVALID_REQUEST,
                    "Not written to the catalog: " + refused.get(), () -> consume(message));
        }
        try {
            return statuses.send(writer.write(stored)).thenCompose(sent -> message.ack());
        } catch (RuntimeException e) {
            return policy.fail(message, stored.request(), DabFailures.classify(e), DabFailures.detail(e),
                    () -> consume(message));
        }
    }
}
