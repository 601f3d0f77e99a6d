package com.catalogimage.console.service;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.contracts.ProductStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Every stored image, from the listings (with metadata) of the public and the review container, newest first, kept in
 * memory so a gallery page is a filter over a list and not a listing per request. Listed again in the background every
 * {@code console.gallery.refresh}, and soon after a product is STORED or AWAITING_REVIEW (coalesced: one listing at a
 * time, one more if anything asked meanwhile). A container that does not exist yet is empty.
 */
@ApplicationScoped
public class BlobIndex {

    private static final Logger LOG = Logger.getLogger(BlobIndex.class);
    /** The newest first; ties (same second) by name, so pages are stable between listings. */
    static final Comparator<GalleryImage> NEWEST_FIRST = Comparator.comparing(GalleryImage::at,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(GalleryImage::blobName);

    /** One listing's result: all images newest first, and each product's. */
    public record Snapshot(List<GalleryImage> images, Map<Long, List<GalleryImage>> byProduct, List<String> categories,
            Instant listedAt) {
        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), null);

        /** The product's images, newest first. */
        public List<GalleryImage> of(long productId) {
            return byProduct.getOrDefault(productId, List.of());
        }
    }

    private final BlobStorage storage;
    private final ExecutorService lister = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-blob-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private final Duration minGap;
    private volatile long lastListed;

    public BlobIndex(BlobStorage storage, ConsoleStatus status, ConsoleConfig config) {
        this.storage = storage;
        this.minGap = config.gallery().minGap();
        status.addListener(entry -> {
            ProductStatus.State state = entry.status().state();
            if (state == ProductStatus.State.STORED || state == ProductStatus.State.AWAITING_REVIEW) {
                refreshSoon();
            }
        });
    }

    void start(@Observes StartupEvent startup) {
        refreshSoon();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        lister.shutdownNow();
    }

    @Scheduled(every = "${console.gallery.refresh:60s}", delayed = "${console.gallery.refresh:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refreshSoon();
    }

    /** The images as last listed. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Asks for a listing; one runs at a time, and asks made while it runs are answered by one more. */
    public void refreshSoon() {
        if (pending.compareAndSet(false, true)) {
            try {
                lister.execute(() -> {
                    waitForGap();
                    pending.set(false); // asks from now on need a listing after this one
                    refresh();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    /**
     * A listing of thousands of blobs takes a while: during a busy run (a STORED status every few seconds) listings
     * wait {@code console.gallery.min-gap} after the previous one, and the asks made meanwhile share the next.
     */
    private void waitForGap() {
        long wait = lastListed + minGap.toNanos() - System.nanoTime();
        if (lastListed != 0 && wait > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lists both containers now (on the caller's thread). */
    public Snapshot refresh() {
        long started = System.nanoTime();
        lastListed = started;
        try {
            List<GalleryImage> images = new ArrayList<>();
            images.addAll(list(storage.publicContainer(), GalleryImage.Location.PUBLIC));
            images.addAll(list(storage.reviewContainer(), GalleryImage.Location.REVIEW));
            images.sort(NEWEST_FIRST);
            Map<Long, List<GalleryImage>> byProduct = new LinkedHashMap<>();
            for (GalleryImage image : images) {
                if (image.productId() != null) {
                    byProduct.computeIfAbsent(image.productId(), id -> new ArrayList<>()).add(image);
                }
            }
            byProduct.replaceAll((id, list) -> List.copyOf(list));
            List<String> categories = images.stream().map(GalleryImage::category).filter(java.util.Objects::nonNull)
                    .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
            snapshot = new Snapshot(List.copyOf(images), Map.copyOf(byProduct), categories, Instant.now());
            LOG.debugf("Blob index: %d images in %d ms", images.size(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot list the images (the gallery shows the last listing): %s", e.getMessage());
        }
        return snapshot;
    }

    private static List<GalleryImage> list(BlobContainerClient container, GalleryImage.Location location) {
        List<BlobItem> items = new ArrayList<>();
        try {
            container.listBlobs(new ListBlobsOptions().setDetails(new BlobListDetails().setRetrieveMetadata(true)), null)
                    .forEach(items::add);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return List.of(); // not created yet: nothing stored there so far
            }
            throw e;
        }
        Set<String> names = new HashSet<>();
        items.forEach(item -> names.add(item.getName()));
        List<GalleryImage> images = new ArrayList<>();
        for (BlobItem item : items) {
            if (GalleryImage.isThumbnail(item.getName())) {
                continue;
            }
            Map<String, String> metadata = item.getMetadata();
            Instant modified = item.getProperties() == null || item.getProperties().getLastModified() == null ? null
                    : item.getProperties().getLastModified().toInstant();
            boolean hasThumbnail = names.contains(GalleryImage.expectedThumbnail(item.getName(), metadata));
            images.add(GalleryImage.of(location, item.getName(), metadata, modified, hasThumbnail));
        }
        return images;
    }
}
