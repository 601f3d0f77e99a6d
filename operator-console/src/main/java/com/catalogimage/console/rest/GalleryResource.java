package com.catalogimage.console.rest;

import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.BlobIndex;
import com.catalogimage.console.service.CardVerdict;
import com.catalogimage.console.service.GalleryImage;
import com.catalogimage.console.service.GalleryQuery;
import com.catalogimage.console.service.ImageLinks;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.QualityVerdict;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** Every generated image as a card, newest first, 60 a page; thumbnails only, through read-only links. */
@Path("/gallery")
@RolesAllowed(ConsoleRoles.VIEWER)
@io.smallrye.common.annotation.Blocking
public class GalleryResource {

    /**
     * One card: the image's facts, its quality check and alt text, and a read-only link to its thumbnail ({@code null}
     * when it has none).
     */
    public record Card(GalleryImage image, String state, String thumbUrl, boolean inReview, CardVerdict verdict) {
    }

    /** The filter as the form shows it again. */
    public record Filter(String state, String category, String from, String to, String q) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gallery(List<Card> cards, GalleryQuery.Page page, Filter filter,
                List<String> states, List<String> categories, String previous, String next);
    }

    private final BlobIndex index;
    private final ConsoleStatus status;
    private final ImageLinks links;
    private final BlobStorage storage;
    private final int pageSize;

    public GalleryResource(BlobIndex index, ConsoleStatus status, ImageLinks links, BlobStorage storage,
            ConsoleConfig config) {
        this.index = index;
        this.status = status;
        this.links = links;
        this.storage = storage;
        this.pageSize = config.gallery().pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance gallery(@QueryParam("state") String state, @QueryParam("category") String category,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("1") int page) {
        GalleryQuery query = new GalleryQuery(state, category, from, to, q, page);
        BlobIndex.Snapshot snapshot = index.snapshot();
        GalleryQuery.Page shown = query.apply(snapshot.images(), this::stateOf, pageSize);
        List<Card> cards = shown.images().stream().map(this::card).toList();
        Filter filter = new Filter(query.state(), query.category(), query.from(), query.to(), query.q());
        List<String> states = Arrays.stream(ProductStatus.State.values()).map(Enum::name).toList();
        return Templates.gallery(cards, shown, filter, states, snapshot.categories(),
                shown.page() > 1 ? pageLink(query, shown.page() - 1) : null,
                shown.page() < shown.pages() ? pageLink(query, shown.page() + 1) : null);
    }

    /** Lists both containers again now (an operator who just fixed storage need not wait for the next listing). */
    @POST
    @Path("refresh")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response refresh() {
        int images = index.refresh().images().size();
        return Redirects.seeOther("/gallery", "Listed again: " + images + " images");
    }

    private String stateOf(Long productId) {
        return productId == null ? GalleryQuery.NO_STATUS
                : status.latest(productId).map(s -> s.state().name()).orElse(GalleryQuery.NO_STATUS);
    }

    private Card card(GalleryImage image) {
        boolean review = image.location() == GalleryImage.Location.REVIEW;
        String thumb = image.thumbnail() == null ? null
                : links.read(review ? storage.reviewContainer() : storage.publicContainer(), image.thumbnail());
        QualityVerdict travelled = image.productId() == null ? null : status.latest(image.productId())
                .filter(latest -> latest.requestId() != null && latest.requestId().equals(image.requestId()))
                .map(ProductStatus::verdict).orElse(null);
        return new Card(image, stateOf(image.productId()), thumb, review, CardVerdict.of(image, travelled));
    }

    private static String pageLink(GalleryQuery query, int page) {
        var uri = jakarta.ws.rs.core.UriBuilder.fromPath("/gallery");
        if (query.state() != null) {
            uri.queryParam("state", query.state());
        }
        if (query.category() != null) {
            uri.queryParam("category", query.category());
        }
        if (query.from() != null) {
            uri.queryParam("from", query.from());
        }
        if (query.to() != null) {
            uri.queryParam("to", query.to());
        }
        if (query.q() != null) {
            uri.queryParam("q", query.q());
        }
        return uri.queryParam("page", page).build().toString();
    }
}
