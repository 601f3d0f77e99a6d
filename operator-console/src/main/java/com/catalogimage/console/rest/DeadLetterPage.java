package com.catalogimage.console.rest;

import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.DeadLetterActions;
import com.catalogimage.console.service.DeadLetterQuery;
import com.catalogimage.console.service.RewriteService;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Dead letters as the scanner lists them (filters reason, stage, since, until), with replay of one (an edited prompt or
 * template) or of a selection (a template), through the scanner's one replay logic.
 */
@Path("/dead-letters")
@RolesAllowed(ConsoleRoles.VIEWER)
public class DeadLetterPage {

    private static final String PAGE = "/dead-letters";
    /** Rows one page lists, newest first; the filters narrow it. */
    static final int LIMIT = 200;

    /** The filter fields as typed, to fill the form in again. */
    public record Filter(String reason, String stage, String since, String until) {
    }

    /** {@code error}: why the listing is missing (the scanner did not answer, a filter was unreadable), or null. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(DeadLetterListing listing, Filter filter, String error);
    }

    private final ScannerClient scanner;
    private final DeadLetterActions actions;
    private final RewriteService rewrites;

    public DeadLetterPage(@RestClient ScannerClient scanner, DeadLetterActions actions, RewriteService rewrites) {
        this.scanner = scanner;
        this.actions = actions;
        this.rewrites = rewrites;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String reason, @RestQuery String stage, @RestQuery String since,
            @RestQuery String until) {
        Filter shown = new Filter(text(reason), text(stage), text(since), text(until));
        DeadLetterQuery query;
        try {
            query = DeadLetterQuery.of(reason, stage, since, until);
        } catch (IllegalArgumentException e) {
            return Templates.deadLetters(new DeadLetterListing(0, 0, List.of()), shown, e.getMessage());
        }
        try {
            DeadLetterListing listing = scanner.deadLetters(query.reason(), query.stage(), null, query.since(),
                    query.until(), LIMIT);
            return Templates.deadLetters(listing, shown, null);
        } catch (RuntimeException e) {
            return Templates.deadLetters(new DeadLetterListing(0, 0, List.of()), shown,
                    "The dead letters could not be listed: " + ScannerAnswers.message(e));
        }
    }

    /**
     * Replays {@code ids}; {@code productId} and {@code prompt} come from one row's form, {@code template} from either;
     * {@code from} names the page to return to (the product page's forms), else this one.
     */
    @POST
    @Path("/replay")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response replay(@RestForm List<String> ids, @RestForm Long productId, @RestForm String prompt,
            @RestForm String template, @RestForm String from) {
        return Redirects.seeOther(from == null || from.isBlank() ? PAGE : from,
                actions.replay(ids, productId, prompt, template).message());
    }

    /**
     * "Suggest a rewrite" of a content-policy dead letter's prompt: the chat model's suggestion fills that row's replay
     * prompt when the page ({@code from}, else this one) is shown again; nothing is replayed until the operator does.
     * Blocking: one chat call of up to {@code CHAT_TIMEOUT}, on a worker thread.
     */
    @POST
    @Path("/{id}/rewrite")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    @Blocking
    public Response suggestRewrite(@PathParam("id") String id, @RestForm Long productId, @RestForm String from) {
        String page = from == null || from.isBlank() ? PAGE : from;
        return Redirects.seeOther(page, rewrites.suggest(id, productId).message());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
