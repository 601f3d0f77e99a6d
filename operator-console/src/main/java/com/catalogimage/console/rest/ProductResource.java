package com.catalogimage.console.rest;

import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.messaging.TimelineEntry;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.BlobIndex;
import com.catalogimage.console.service.CardVerdict;
import com.catalogimage.console.service.GalleryImage;
import com.catalogimage.console.service.ImageLinks;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** Everything the page shows. */
    public record View(long productId, String productName, ProductStatus latest, List<TimelineEntry> timeline,
            List<ImageView> images, String prompt, List<DeadLetterListing.Entry> deadLetters,
            boolean deadLettersUnavailable, boolean awaitingReview, boolean mayRequestAgain) {
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

    public ProductResource(ConsoleStatus status, BlobIndex index, ImageLinks links, BlobStorage storage,
            @RestClient ScannerClient scanner) {
        this.status = status;
        this.index = index;
        this.links = links;
        this.storage = storage;
        this.scanner = scanner;
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
        if (latest.isEmpty() && images.isEmpty() && deadLetters.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.product(new View(productId, null, null, List.of(), List.of(), null, List.of(),
                            unavailable, false, false)))
                    .type(MediaType.TEXT_HTML).build();
        }
        String name = images.stream().map(i -> i.image().productName()).filter(Objects::nonNull).findFirst()
                .or(() -> firstName(deadLetters)).orElse(null);
        String prompt = images.stream().map(i -> i.image().prompt()).filter(Objects::nonNull).findFirst().orElse(null);
        ProductStatus.State state = latest.map(ProductStatus::state).orElse(null);
        boolean awaitingReview = state == ProductStatus.State.AWAITING_REVIEW;
        boolean mayRequestAgain = state != null && state != ProductStatus.State.COMPLETED;
        return Response.ok(Templates.product(new View(productId, name, latest.orElse(null), timeline, images,
                prompt, deadLetters, unavailable, awaitingReview, mayRequestAgain))).type(MediaType.TEXT_HTML).build();
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
