package com.catalogimage.updater.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.updater.client.Catalog;
import com.catalogimage.updater.client.CatalogWrite;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes one stored image's URL (and, when the catalog has a column for it, its alt text) to its product, unless the catalog changed under us, and says what happened. Created at
 * startup so that every outcome counter exists, at zero, before the first record.
 */
@Startup
@ApplicationScoped
public class CatalogWriter {

    public static final String STAGE = "catalog-updater";

    private static final Logger LOG = Logger.getLogger(CatalogWriter.class);

    private final Catalog catalog;
    private final Timer duration;
    private final Map<WriteDecision, Counter> outcomes = new EnumMap<>(WriteDecision.class);
    private final Counter failed;
    /**
     * Records are handled in parallel and out of order, so two deliveries of one product (a redelivery, a replay beside
     * a scan's request) can meet here at once; read-decide-write must not interleave for one product, or both read
     * "no image" and both write. Striped by product id: records of different products still run in parallel.
     */
    private final KeyLocks productLocks = new KeyLocks();

    public CatalogWriter(Catalog catalog, MeterRegistry registry) {
        this.catalog = catalog;
        this.duration = Timer.builder("updater.write.duration")
                .description("Reading the product and writing its image URL through Data API Builder, retries included")
                .tag("mode", catalog.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry);
        for (WriteDecision decision : WriteDecision.values()) {
            String outcome = decision == WriteDecision.WRITE ? "completed" : decision.name().toLowerCase(Locale.ROOT).replace('_', '-');
            outcomes.put(decision, counter(registry, outcome));
        }
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("updater.writes").description("Stored images handled, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /**
     * The product's new status: COMPLETED (written now, or already ours), or SKIPPED when the product is gone or holds
     * another image (for a restyle: another than its original). Throws when DAB still fails after the client's retries.
     */
    public ProductStatus write(StoredImage stored) {
        Timer.Sample sample = Timer.start();
        try {
            long productId = stored.request().product().id();
            WriteDecision decision;
            try (KeyLocks.Held held = productLocks.lock(productId)) {
                decision = readDecideWrite(productId, stored.url(), stored.altText(), originalOf(stored));
            }
            outcomes.get(decision).increment();
            return statusOf(decision, stored);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        } finally {
            sample.stop(duration);
        }
    }

    /** A restyle's original, the one image it may replace; {@code null} for every other image. */
    private static String originalOf(StoredImage stored) {
        return stored.request().isRestyle() ? stored.request().product().imageUrl() : null;
    }

    /**
     * Check, then write. In stored-procedure mode the write itself is conditional (decision 0017): on no image, or for
     * a restyle (decision 0031) on the original still being there, so an image set by someone between our read and our
     * write is kept and reported. Table mode has no such write: DAB's PATCH takes {@code If-Match: *} only, so an image
     * set in that window (one round trip) is overwritten; the per-product serialisation above only covers this
     * instance's own records.
     */
    private WriteDecision readDecideWrite(long productId, String url, String altText, String original) {
        Optional<Catalog.Entry> current = catalog.read(productId);
        WriteDecision decision = WriteDecision.decide(current.isPresent(), current.map(Catalog.Entry::imageUrl).orElse(null),
                url, original);
        if (decision != WriteDecision.WRITE) {
            return decision;
        }
        CatalogWrite write = catalog.writeImageUrl(productId, url, altText, original);
        if (write instanceof CatalogWrite.NotWritten refused) {
            return WriteDecision.ofRefusedWrite(refused.imageUrlNow(), url);
        }
        return write instanceof CatalogWrite.Gone ? WriteDecision.PRODUCT_GONE : WriteDecision.WRITE;
    }

    private static ProductStatus statusOf(WriteDecision decision, StoredImage stored) {
        long productId = stored.request().product().id();
        return switch (decision) {
            case WRITE, ALREADY_COMPLETED -> {
                LOG.debugf("Product %d: %s", productId, decision);
                yield ProductStatus.of(stored.request(), State.COMPLETED, stored.url(), STAGE).withVerdict(stored.verdict());
            }
            case ALREADY_HAS_IMAGE -> {
                LOG.infof("Product %d already has another image; not overwritten (ours stays in blob %s)", productId, stored.blobName());
                yield ProductStatus.skipped(stored.request(), ReasonCode.ALREADY_HAS_IMAGE,
                        "The catalog already holds another image for this product; it was not overwritten. Ours stays in blob "
                                + stored.blobName() + ".", STAGE);
            }
            case IMAGE_CHANGED -> {
                LOG.infof("Product %d: its image is no longer the original the restyle replaces (%s); not overwritten "
                        + "(ours stays in blob %s)", productId, originalOf(stored), stored.blobName());
                yield ProductStatus.skipped(stored.request(), ReasonCode.ALREADY_HAS_IMAGE,
                        "The catalog's image changed since the restyle was requested: it no longer holds the original "
                                + "this image replaces, so it was not overwritten. Ours stays in blob "
                                + stored.blobName() + ".", STAGE);
            }
            case OUTSIDE_WRITE -> {
                LOG.infof("Product %d got another image between our read and our write; theirs is kept (ours stays in"
                        + " blob %s)", productId, stored.blobName());
                yield ProductStatus.skipped(stored.request(), ReasonCode.ALREADY_HAS_IMAGE,
                        "Another writer set this product's image between our read and our conditional write; theirs "
                                + "was kept, nothing was overwritten. Ours stays in blob " + stored.blobName() + ".", STAGE);
            }
            case PRODUCT_GONE -> {
                LOG.infof("Product %d is no longer in the catalog (image stays in blob %s)", productId, stored.blobName());
                yield ProductStatus.skipped(stored.request(), ReasonCode.PRODUCT_GONE,
                        "The product is no longer in the catalog; the image stays in blob " + stored.blobName() + ".", STAGE);
            }
        };
    }
}
