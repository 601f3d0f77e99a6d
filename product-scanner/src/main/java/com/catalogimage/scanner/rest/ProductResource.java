package com.catalogimage.scanner.rest;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.scanner.client.CatalogReader;
import com.catalogimage.scanner.security.ApiKeyIdentityProvider;
import com.catalogimage.scanner.service.RequestAgainService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator does to one product. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
@Blocking
@Tag(name = OperatorApi.PRODUCTS)
@SecurityRequirement(name = OperatorApi.API_KEY)
@SecurityRequirement(name = OperatorApi.BEARER)
public class ProductResource {

    /** The new request. */
    public record Requested(long productId, String requestId, int attempt) {
    }

    /**
     * The optional body of a request again and of an on-demand generation: the operator's prompt, or a template (used only without a prompt). Control
     * characters are removed and each is cut to 4,000 characters; blank means none, i.e. the configured template.
     * {@code mode} (on-demand generations only): {@code generate} (the default) or {@code restyle}, a new image made
     * from the product's current one, which the catalog keeps until a reviewer approves the new one.
     */
    public record RequestAgainBody(String prompt, String template, String mode) {
    }

    /** The product as the catalog has it now, and whether it has an image. */
    public record CatalogProduct(Product product, boolean hasImage) {
    }

    /** The longest idempotency key taken: a UUID is 36; room for a client's own scheme, never a whole document. */
    static final int MAX_IDEMPOTENCY_KEY = 200;

    private final RequestAgainService requests;
    private final CatalogReader catalog;

    private final ObjectMapper mapper;

    public ProductResource(RequestAgainService requests, CatalogReader catalog, ObjectMapper mapper) {
        this.requests = requests;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @POST
    @Path("/{id}/request-again")
    @Operation(summary = "Request a product again",
            description = "For a product no scan requests: stuck in flight past scan.in-flight-timeout (REQUESTED, "
                    + "GENERATED or STORED: reported stuck, never requested again automatically), awaiting review "
                    + "(regenerate instead of approving) or SKIPPED REJECTED_BY_REVIEWER. Writes a new image request "
                    + "(origin MANUAL, attempt + 1, a new request id) with its REQUESTED status in one transaction, with "
                    + "the body's prompt or template override if given. It pays for a new image; a stuck product's earlier "
                    + "request is not withdrawn and goes on if its stage moves again; an image awaiting review is "
                    + "superseded (a later decision on it is stale).")
    @APIResponse(responseCode = "200", description = "The new request",
            content = @Content(schema = @Schema(implementation = Requested.class)))
    @APIResponse(responseCode = "400", description = "A body that is not such JSON",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
    @APIResponse(responseCode = "403", description = "A valid token without an operators' role")
    @APIResponse(responseCode = "404", description = "The catalog has no such product",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The product may not be requested again (never requested, in "
            + "flight within the timeout, completed, skipped for another reason, dead-lettered, or with an image now): "
            + "nothing was written",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response requestAgain(@Parameter(description = "Product id") @PathParam("id") long productId,
            @RequestBody(required = false, description = "An optional prompt or template override",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestAgainBody.class)))
            String json) {
        RequestAgainBody body = body(json);
        RequestAgainService.Outcome outcome = body == null ? requests.requestAgain(productId)
                : requests.requestAgain(productId, body.prompt(), body.template());
        return switch (outcome.kind()) {
            case REQUESTED -> Response.ok(new Requested(productId, outcome.requestId(), outcome.attempt())).build();
            case NOT_ALLOWED -> problem(Response.Status.CONFLICT, outcome.reason());
            case NOT_FOUND -> problem(Response.Status.NOT_FOUND, outcome.reason());
            case ALREADY_REQUESTED -> throw new IllegalStateException("a request again has no idempotency key");
        };
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A product as the catalog has it",
            description = "Read through Data API Builder now: name, description, category and tags (as a prompt is "
                    + "built from them, not yet cleaned), and whether it has an image. For previews of a prompt or "
                    + "template on this product.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = CatalogProduct.class)))
    @APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
    @APIResponse(responseCode = "403", description = "A valid token without an operators' role")
    @APIResponse(responseCode = "404", description = "The catalog has no such product",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response product(@Parameter(description = "Product id") @PathParam("id") long productId) {
        return catalog.find(productId)
                .map(entry -> Response.ok(new CatalogProduct(entry.product(), entry.hasImage())).build())
                .orElseGet(() -> problem(Response.Status.NOT_FOUND, "the catalog has no product " + productId));
    }

    @POST
    @Path("/{id}/generations")
    @Operation(summary = "Generate an image of a product on demand",
            description = "A MANUAL request through the pipeline (the quota, the daily budget and the review gate apply "
                    + "as to any request), with the body's prompt or template override if given. Idempotent by the "
                    + "Idempotency-Key header: the request id is derived from the product and the key, and the same key "
                    + "again answers the same request and writes nothing. Refused while the product is in flight "
                    + "(REQUESTED, GENERATED, STORED), when it was refused by the content filter and no prompt or "
                    + "template is given, and when the catalog has an image (the pipeline never overwrites one). With "
                    + "{\"mode\": \"restyle\"} a new image is made from the product's current one instead: only for a "
                    + "product with an image, it always waits for a reviewer, and the catalog keeps the original until one "
                    + "approves.")
    @APIResponse(responseCode = "202", description = "Requested (or requested before with this key): the request",
            content = @Content(schema = @Schema(implementation = Requested.class)))
    @APIResponse(responseCode = "400", description = "No or an overlong Idempotency-Key, a body that is not such JSON, "
            + "or a mode other than generate and restyle",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
    @APIResponse(responseCode = "403", description = "A valid token without an operators' role")
    @APIResponse(responseCode = "404", description = "The catalog has no such product",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not now (in flight, refused by the content filter without a new "
            + "prompt, with an image in the catalog, or a restyle of a product without one): nothing was written",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response generate(@Parameter(description = "Product id") @PathParam("id") long productId,
            @Parameter(description = "The client's key for this generation: the same key again makes no second one",
                    required = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(required = false, description = "An optional prompt or template override",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestAgainBody.class)))
            String json) {
        String key = idempotencyKey == null ? null : idempotencyKey.strip();
        if (key == null || key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
            return problem(Response.Status.BAD_REQUEST, "an Idempotency-Key header of 1 to " + MAX_IDEMPOTENCY_KEY
                    + " characters is required: the same key again makes no second generation");
        }
        RequestAgainBody body = body(json);
        ImageRequest.Mode mode = mode(body);
        RequestAgainService.Outcome outcome = requests.generate(productId, key, body == null ? null : body.prompt(),
                body == null ? null : body.template(), mode);
        return switch (outcome.kind()) {
            case REQUESTED, ALREADY_REQUESTED -> Response.accepted(new Requested(productId, outcome.requestId(),
                    outcome.attempt())).build();
            case NOT_ALLOWED -> problem(Response.Status.CONFLICT, outcome.reason());
            case NOT_FOUND -> problem(Response.Status.NOT_FOUND, outcome.reason());
        };
    }

    /** {@code generate} unless the body says {@code restyle}; anything else is the client's mistake. */
    private static ImageRequest.Mode mode(RequestAgainBody body) {
        String mode = body == null || body.mode() == null ? "" : body.mode().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (mode) {
            case "", "generate" -> ImageRequest.Mode.GENERATE;
            case "restyle" -> ImageRequest.Mode.RESTYLE;
            default -> throw new BadRequestException("mode must be \"generate\" or \"restyle\"");
        };
    }

    /**
     * The body is read as text and parsed here, not bound by JAX-RS: a body-less POST (curl -X POST, the runner, older
     * clients) comes with no or any content type, and must keep working as before the body existed.
     */
    private RequestAgainBody body(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(json, RequestAgainBody.class);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body must be JSON such as {\"prompt\": \"...\"} or {\"template\": \"...\"}");
        }
    }

    private static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(message)).build();
    }
}
