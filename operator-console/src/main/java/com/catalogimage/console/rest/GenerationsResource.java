package com.catalogimage.console.rest;

import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.security.CsrfTokens;
import com.catalogimage.console.service.GenerationService;
import com.catalogimage.console.service.ImageLinks;
import com.catalogimage.console.service.PreviewStore;
import com.catalogimage.contracts.OperatorText;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /generations} (the seed's {@code generateImage}, fixed): JSON only, operators only, rate-limited per
 * user, prompts bounded, and an {@code Idempotency-Key} header required. Browsers call it with their session cookie
 * and the CSRF token (the playground); machine clients with HTTP Basic (the console's own users) or, with OIDC, a bearer
 * token, and no CSRF token, since they hold no cookie (security/CsrfFilter). Who is allowed is checked here rather than
 * by {@code @RolesAllowed}, so that a missing login answers 401 JSON instead of the pages' redirect to the login page.
 */
@Path("/generations")
public class GenerationsResource {

    /** The longest idempotency key taken (the scanner's bound too). */
    static final int MAX_KEY = 200;

    /** The body: a product id, and/or a prompt or template; {@code preview} for a preview of a product. */
    public record Body(Long productId, String prompt, String template, Boolean preview) {
    }

    private final GenerationService generations;
    private final ImageLinks links;
    private final PreviewStore previews;
    private final SecurityIdentity identity;

    public GenerationsResource(GenerationService generations, ImageLinks links, PreviewStore previews,
            SecurityIdentity identity) {
        this.generations = generations;
        this.links = links;
        this.previews = previews;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(CsrfTokens.HEADER) String csrf, Body body) {
        if (identity.isAnonymous()) {
            Response.ResponseBuilder unauthorised = Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", "log in: HTTP Basic with a console user, or an OIDC bearer token"));
            // A page's fetch (it sends the CSRF header) is not challenged: a browser would prompt for Basic credentials
            // and then send them on its own to every later request, cross-site ones too.
            return (csrf == null ? unauthorised.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"operator-console\"")
                    : unauthorised).build();
        }
        if (!identity.hasRole(ConsoleRoles.OPERATOR)) {
            return problem(403, "generations are for operators");
        }
        String key = idempotencyKey == null ? null : idempotencyKey.strip();
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            return problem(400, "an Idempotency-Key header of 1 to " + MAX_KEY + " characters is required: the same key "
                    + "again makes no second generation");
        }
        if (body == null || (body.productId() == null && body.prompt() == null && body.template() == null)) {
            return problem(400, "give a productId, a prompt, or both");
        }
        if (!GenerationService.withinBounds(body.prompt()) || !GenerationService.withinBounds(body.template())) {
            return problem(400, "a prompt or template is at most " + OperatorText.MAX_PROMPT + " characters");
        }
        GenerationService.Ask ask = new GenerationService.Ask(body.productId(), body.prompt(), body.template(),
                Boolean.TRUE.equals(body.preview()));
        try {
            GenerationService.Made made = generations.generate(identity.getPrincipal().getName(), key, ask);
            if (made instanceof GenerationService.Requested requested) {
                return Response.accepted(Map.of("kind", "MANUAL", "productId", requested.productId(),
                        "requestId", requested.requestId(), "attempt", requested.attempt())).build();
            }
            return Response.status(201).entity(preview(((GenerationService.Previewed) made).preview())).build();
        } catch (GenerationService.Refused refused) {
            Response.ResponseBuilder answer = Response.status(refused.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", refused.getMessage()));
            if (refused.retryAfter() != null) {
                answer.header("Retry-After", Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000));
            }
            return answer.build();
        }
    }

    /** The preview's answer, with a read-only link signed now (a repeated key gets a fresh one). */
    private Map<String, Object> preview(PreviewStore.Stored stored) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("kind", "PREVIEW");
        answer.put("previewId", stored.previewId());
        answer.put("productId", stored.productId());
        answer.put("link", links.read(previews.container(), stored.blobName()));
        answer.put("prompt", stored.prompt());
        answer.put("model", stored.model());
        answer.put("costUsd", stored.costUsd() == null ? null : stored.costUsd());
        answer.put("verdict", stored.verdict());
        answer.put("verdictSummary", stored.verdictSummary());
        answer.put("author", stored.author());
        answer.put("at", stored.at() == null ? null : stored.at().toString());
        return answer;
    }

    private static Response problem(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
    }
}
