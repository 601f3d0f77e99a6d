package com.catalogimage.console.service;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.AwaitingReviewFollower;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The images waiting for a reviewer: every product whose latest status is AWAITING_REVIEW and whose image on
 * {@code images-awaiting-review} answers that status's request, oldest first (the longest waiting at the top). The
 * product's text comes from the request the image answers; the prompt as sent, the cost and the thumbnail's name from
 * the blob's metadata in the review container, read once per blob (a blob's metadata never changes: a new image is a
 * new blob).
 */
@ApplicationScoped
public class ReviewQueue {

    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);

    /** The most items one page shows; the rest follow once these are decided. */
    public static final int PAGE = 100;

    /**
     * One image waiting.
     *
     * @param thumbnail a read-only link to its thumbnail (to the image itself when it has none), or null if unsignable
     * @param image     a read-only link to the full image
     * @param verdict   the quality check and alt text of the image waiting (its own, else its blob's metadata)
     * @param choices   every image of the call, the main one first: the reviewer publishes one of them
     * @param restyle   whether it restyles the product's current image (which stays in the catalog until approval)
     * @param original  a restyle's original as the page shows it, else null
     */
    public record Item(long productId, String requestId, int attempt, String name, String description, String category,
            String prompt, String model, BigDecimal costUsd, Instant waitingSince, String thumbnail, String image,
            CardVerdict verdict, List<Choice> choices, boolean restyle, OriginalImages.Original original) {

        /** Whether the reviewer picks among several images. */
        public boolean several() {
            return choices.size() > 1;
        }
    }

    /**
     * One image of the call a reviewer may publish.
     *
     * @param variant   what the decision names it by ({@code ReviewDecision.variant}): 0 the main image, k its variant k
     * @param position  1-based, as the page numbers them
     * @param thumbnail a read-only link to show it by (its thumbnail for the main image), or null if unsignable
     * @param image     a read-only link to the full image, or null if unsignable
     */
    public record Choice(int variant, int position, String thumbnail, String image, int width, int height) {
    }

    private final ConsoleStatus statuses;
    private final AwaitingReviewFollower pending;
    private final BlobStorage storage;
    private final ImageLinks links;
    private final OriginalImages originals;
    private final Map<String, GalleryImage> metadata = new ConcurrentHashMap<>();
    /** Per variant blob, whether the uploader stored a thumbnail beside it: asked once (a blob never changes). */
    private final Map<String, Boolean> variantThumbnails = new ConcurrentHashMap<>();

    public ReviewQueue(ConsoleStatus statuses, AwaitingReviewFollower pending, BlobStorage storage, ImageLinks links,
            ConsoleConfig config) {
        this.statuses = statuses;
        this.pending = pending;
        this.storage = storage;
        this.links = links;
        this.originals = new OriginalImages(config.restyle().originalHosts());
    }

    /** How many images wait (all of them, not just a page). */
    public record Page(int total, List<Item> items) {
    }

    public Page page() {
        List<Waiting> waiting = new ArrayList<>();
        statuses.snapshot().values().stream()
                .filter(status -> status.state() == ProductStatus.State.AWAITING_REVIEW)
                .forEach(status -> pending.image(status.productId())
                        .filter(image -> status.requestId() != null
                                && status.requestId().equals(image.request().requestId()))
                        .ifPresent(image -> waiting.add(new Waiting(status, image))));
        waiting.sort(Comparator.comparing((Waiting w) -> w.status().at(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(w -> w.status().productId()));
        BlobContainerClient container = storage.reviewContainer();
        List<Item> items = waiting.stream().limit(PAGE).map(w -> item(container, w)).toList();
        return new Page(waiting.size(), items);
    }

    private record Waiting(ProductStatus status, StoredImage image) {
    }

    private Item item(BlobContainerClient container, Waiting waiting) {
        StoredImage image = waiting.image();
        Product product = image.request().product();
        Optional<GalleryImage> facts = facts(container, image.blobName());
        String thumbnailName = facts.map(GalleryImage::thumbnail).orElse(null);
        String thumbnail = link(container, thumbnailName != null ? thumbnailName : image.blobName());
        String full = link(container, image.blobName());
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(0, 1, thumbnail, full, image.width(), image.height()));
        for (StoredImage.Variant variant : image.variantsOrEmpty()) {
            String link = link(container, variant.blobName());
            String thumb = variantThumbnail(container, variant.blobName());
            choices.add(new Choice(variant.index(), choices.size() + 1, thumb == null ? link : link(container, thumb),
                    link, variant.width(), variant.height()));
        }
        boolean restyle = image.request().isRestyle();
        String originalUrl = waiting.status().originalImageUrl() != null ? waiting.status().originalImageUrl()
                : restyle ? product.imageUrl() : null;
        return new Item(product.id(), image.request().requestId(), image.request().attempt(), product.name(),
                product.description(), product.categoryName(), facts.map(GalleryImage::prompt).orElse(null),
                image.model(), facts.map(GalleryImage::costUsd).orElse(null), waiting.status().at(), thumbnail, full,
                image.verdict() != null ? CardVerdict.of(image.verdict())
                        : CardVerdict.of(facts.orElse(null), waiting.status().verdict()),
                List.copyOf(choices), restyle || originalUrl != null, originals.of(originalUrl));
    }

    /** The thumbnail beside a variant (the uploader's {@code -v2.thumb.jpg}), or null: then the image itself is shown. */
    private String variantThumbnail(BlobContainerClient container, String blobName) {
        String thumbnail = GalleryImage.thumbnailOf(blobName);
        boolean exists = variantThumbnails.computeIfAbsent(blobName, name -> {
            try {
                return container.getBlobClient(thumbnail).exists();
            } catch (RuntimeException e) {
                return false;
            }
        });
        return exists ? thumbnail : null;
    }

    private Optional<GalleryImage> facts(BlobContainerClient container, String blobName) {
        GalleryImage known = metadata.get(blobName);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            BlobProperties properties = container.getBlobClient(blobName).getProperties();
            Map<String, String> meta = properties.getMetadata();
            String thumbnail = GalleryImage.expectedThumbnail(blobName, meta);
            boolean hasThumbnail = container.getBlobClient(thumbnail).exists();
            GalleryImage facts = GalleryImage.of(GalleryImage.Location.REVIEW, blobName, meta,
                    properties.getLastModified() == null ? null : properties.getLastModified().toInstant(), hasThumbnail);
            metadata.put(blobName, facts);
            return Optional.of(facts);
        } catch (RuntimeException e) {
            // Shown without prompt and cost rather than not at all; asked again at the next page view.
            LOG.warnf("The metadata of review blob %s could not be read: %s", blobName, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private String link(BlobContainerClient container, String blobName) {
        try {
            return links.read(container, blobName);
        } catch (RuntimeException e) {
            LOG.warnf("No link to review blob %s: %s", blobName, e.getClass().getSimpleName());
            return null;
        }
    }
}
