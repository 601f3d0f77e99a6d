package com.catalogimage.console.rest;

import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.ReviewDecisionFollower;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.messaging.TimelineEntry;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.BlobIndex;
import com.catalogimage.console.service.CardVerdict;
import com.catalogimage.console.service.GalleryImage;
import com.catalogimage.console.service.ImageLinks;
import com.catalogimage.console.service.OriginalImages;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.QualityVerdict;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * One product: its whole timeline as the status topic gave it, every image it got, the prompt as sent, its dead letters
 * and what an operator can do about it (forms posting to the actions' endpoints).
 */
@Path("/products/{id}")
@RolesAllowed(ConsoleRoles.VIEWER)
@Blocking
public class ProductResource {

    private static final Logger LOG = Logger.getLogger(ProductResource.class);

    /** An image of the product with read-only links to its thumbnail and to the full image. */
    public record ImageView(GalleryImage image, String thumbUrl, String fullUrl, boolean inReview, CardVerdict verdict) {
    }

    /**
     * Everything the page shows.
     *
     * @param catalogImage the catalog's current image as the scanner read it now (null without one, or when the
     *                     scanner did not answer)
     * @param mayRestyle   whether the Restyle action is offered: the catalog has an image and nothing is in flight
     * @param restyleKey   the Restyle form's idempotency key, made for this rendering
     * @param published    per request id, the image an approval published when it was not the main one (1-based)
     */
    public record View(long productId, String productName, ProductStatus latest, List<TimelineEntry> timeline,
            List<ImageView> images, String prompt, List<DeadLetterListing.Entry> deadLetters,
            boolean deadLettersUnavailable, boolean awaitingReview, boolean mayRequestAgain,
            OriginalImages.Original catalogImage, boolean mayRestyle, String restyleKey, Map<String, Integer> published) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance product(View view);
    }

    private final ConsoleStatus status;
    private final BlobIndex index;
    private final ImageLinks links;
    private final BlobStorage storage;
    private final ScannerClient scanner;
    private final ReviewDecisionFollower decisions;
    private final OriginalImages originals;

    public ProductResource(ConsoleStatus status, BlobIndex index, ImageLinks links, BlobStorage storage,
            @RestClient ScannerClient scanner, ReviewDecisionFollower decisions, ConsoleConfig config) {
        this.status = status;
        this.index = index;
        this.links = links;
        this.storage = storage;
        this.scanner = scanner;
        this.decisions = decisions;
        this.originals = new OriginalImages(config.restyle().originalHosts());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response product(@PathParam("id") long productId) {
        List<TimelineEntry> timeline = status.timeline(productId);
        Optional<ProductStatus> latest = status.latest(productId);
        List<ImageView> images = index.snapshot().of(productId).stream().map(image -> view(image, timeline)).toList();
        List<DeadLetterListing.Entry> found = List.of();
        boolean unavailable = false;
        try {
            found = scanner.deadLettersOf(productId).deadLetters();
        } catch (RuntimeException e) {
            LOG.debugf("Dead letters of %d not readable from the scanner: %s", productId, e.getMessage());
            unavailable = true;
        }
        List<DeadLetterListing.Entry> deadLetters = found;
        // A product the pipeline never touched is still the catalog's: with an image it may be restyled from here.
        String current = currentImage(productId);
        if (latest.isEmpty() && images.isEmpty() && deadLetters.isEmpty() && current == null) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.product(new View(productId, null, null, List.of(), List.of(), null, List.of(),
                            unavailable, false, false, null, false, null, Map.of())))
                    .type(MediaType.TEXT_HTML).build();
        }
        String name = images.stream().map(i -> i.image().productName()).filter(Objects::nonNull).findFirst()
                .or(() -> firstName(deadLetters)).orElse(null);
        String prompt = images.stream().map(i -> i.image().prompt()).filter(Objects::nonNull).findFirst().orElse(null);
        ProductStatus.State state = latest.map(ProductStatus::state).orElse(null);
        boolean awaitingReview = state == ProductStatus.State.AWAITING_REVIEW;
        boolean mayRequestAgain = state != null && state != ProductStatus.State.COMPLETED;
        boolean inFlight = state == ProductStatus.State.REQUESTED || state == ProductStatus.State.GENERATED
                || state == ProductStatus.State.STORED || state == ProductStatus.State.UNKNOWN;
        Map<String, Integer> published = new HashMap<>();
        timeline.stream().map(entry -> entry.status().requestId()).filter(Objects::nonNull).distinct()
                .forEach(requestId -> decisions.publishedVariant(requestId)
                        .ifPresent(variant -> published.put(requestId, variant + 1)));
        return Response.ok(Templates.product(new View(productId, name, latest.orElse(null), timeline, images,
                prompt, deadLetters, unavailable, awaitingReview, mayRequestAgain, originals.of(current),
                current != null && !inFlight && !awaitingReview, UUID.randomUUID().toString(), published)))
                .type(MediaType.TEXT_HTML).build();
    }

    /** The catalog's image now, through the scanner; null without one or when the scanner does not answer. */
    private String currentImage(long productId) {
        try {
            ScannerClient.CatalogProduct product = scanner.product(productId);
            return product.hasImage() && product.product() != null ? product.product().imageUrl() : null;
        } catch (RuntimeException e) {
            LOG.debugf("Product %d not readable from the scanner: %s", productId, e.getMessage());
            return null;
        }
    }

    private static Optional<String> firstName(List<DeadLetterListing.Entry> deadLetters) {
        return deadLetters.stream().map(DeadLetterListing.Entry::productName).filter(Objects::nonNull).findFirst();
    }

    private ImageView view(GalleryImage image, List<TimelineEntry> timeline) {
        boolean review = image.location() == GalleryImage.Location.REVIEW;
        var container = review ? storage.reviewContainer() : storage.publicContainer();
        return new ImageView(image, image.thumbnail() == null ? null : links.read(container, image.thumbnail()),
                links.read(container, image.blobName()), review, CardVerdict.of(image, verdictOf(image, timeline)));
    }

    /** The newest verdict the timeline holds for the image's request (the status of a stage after the generation). */
    private static QualityVerdict verdictOf(GalleryImage image, List<TimelineEntry> timeline) {
        QualityVerdict found = null;
        for (TimelineEntry entry : timeline) {
            ProductStatus status = entry.status();
            if (status.verdict() != null && status.requestId() != null && status.requestId().equals(image.requestId())) {
                found = status.verdict();
            }
        }
        return found;
    }
}
