package com.catalogimage.console.rest;

import com.catalogimage.console.messaging.AwaitingReviewFollower;
import com.catalogimage.console.messaging.ReviewDecisionFollower;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.ActionOutcome;
import com.catalogimage.console.service.ReviewQueue;
import com.catalogimage.console.service.ReviewService;
import com.catalogimage.contracts.ReviewDecision;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The review queue (the approval gate, {@code REVIEW_MODE=manual}, and every restyle): the images waiting, oldest
 * first, each with all the images of its call (one is published: "Publish this one" names it by {@code variant}), approve,
 * reject with a note, regenerate with an edited prompt, bulk approve, and the recent decisions. Every action needs the
 * operator role and the CSRF token (the filter), and answers 303 back to the queue (or the page named by the form's
 * {@code from}) with what it did.
 */
@Path("/reviews")
@RolesAllowed(ConsoleRoles.VIEWER)
public class ReviewPage {

    private static final String PAGE = "/reviews";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reviews(ReviewQueue.Page queue, List<ReviewDecision> decisions, boolean caughtUp);
    }

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final ReviewDecisionFollower decisions;
    private final AwaitingReviewFollower pending;
    private final SecurityIdentity identity;

    public ReviewPage(ReviewQueue queue, ReviewService reviews, ReviewDecisionFollower decisions,
            AwaitingReviewFollower pending, SecurityIdentity identity) {
        this.queue = queue;
        this.reviews = reviews;
        this.decisions = decisions;
        this.pending = pending;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.reviews(queue.page(), decisions.recent(), pending.caughtUp() && decisions.caughtUp());
    }

    @POST
    @Path("/{productId}/approve")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response approve(@RestPath long productId, @RestForm String requestId, @RestForm Integer variant,
            @RestForm String from) {
        return back(from, reviews.approve(productId, requestId, variant == null ? 0 : variant, reviewer()));
    }

    @POST
    @Path("/{productId}/reject")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response reject(@RestPath long productId, @RestForm String requestId, @RestForm String note,
            @RestForm String from) {
        return back(from, reviews.reject(productId, requestId, note, reviewer()));
    }

    @POST
    @Path("/{productId}/regenerate")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response regenerate(@RestPath long productId, @RestForm String requestId, @RestForm String prompt,
            @RestForm String note, @RestForm String from) {
        return back(from, reviews.regenerate(productId, requestId, prompt, note, reviewer()));
    }

    /** Bulk approve: {@code ids} are product ids. */
    @POST
    @Path("/approve")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response approveAll(@RestForm List<Long> ids, @RestForm String from) {
        return back(from, reviews.approveAll(ids, reviewer()));
    }

    private String reviewer() {
        return identity.getPrincipal().getName();
    }

    /**
     * Back to the page the form was on: {@code from} (a path of this console, e.g. the product page's
     * {@code /products/42}; anything else is refused by {@link Redirects}), else the queue.
     */
    private static Response back(String from, ActionOutcome outcome) {
        return Redirects.seeOther(from == null || from.isBlank() ? PAGE : from, outcome.message());
    }
}
