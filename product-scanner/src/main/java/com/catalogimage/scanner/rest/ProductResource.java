package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.security.ApiKeyIdentityProvider;
import com.catalogimage.scanner.service.RequestAgainService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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

    private final RequestAgainService requests;

    public ProductResource(RequestAgainService requests) {
        this.requests = requests;
    }

    @POST
    @Path("/{id}/request-again")
    @Operation(summary = "Request a stuck product again",
            description = "For a product in flight past scan.in-flight-timeout (REQUESTED, GENERATED or STORED: reported "
                    + "stuck, never requested again automatically): writes a new image request (origin MANUAL, attempt "
                    + "+ 1, a new request id) with its REQUESTED status. It pays for a new image; the earlier request is "
                    + "not withdrawn and goes on if its stage moves again.")
    @APIResponse(responseCode = "200", description = "The new request",
            content = @Content(schema = @Schema(implementation = Requested.class)))
    @APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
    @APIResponse(responseCode = "403", description = "A valid token without an operators' role")
    @APIResponse(responseCode = "404", description = "The catalog has no such product",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The product is not stuck (never requested, in flight within the "
            + "timeout, finished, or with an image now): nothing was written",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response requestAgain(@Parameter(description = "Product id") @PathParam("id") long productId) {
        RequestAgainService.Outcome outcome = requests.requestAgain(productId);
        return switch (outcome.kind()) {
            case REQUESTED -> Response.ok(new Requested(productId, outcome.requestId(), outcome.attempt())).build();
            case NOT_STUCK -> problem(Response.Status.CONFLICT, outcome.reason());
            case NOT_FOUND -> problem(Response.Status.NOT_FOUND, outcome.reason());
        };
    }

    private static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(message)).build();
    }
}
