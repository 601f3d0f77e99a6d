package com.catalogimage.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The scanner's operators' API: the console never writes requests itself, it asks the scanner (the one replay and
 * request-again logic). The key is the scanner's {@code SCAN_API_KEY}, held here as {@code CONSOLE_SCANNER_API_KEY}; it
 * only ever travels to the scanner, never to a browser.
 */
@RegisterRestClient(configKey = "scanner")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-API-Key", value = "${console.scanner-api-key}", required = false)
public interface ScannerClient {

    /** The last scan's catalog figures; answers 404 (a {@code WebApplicationException}) before the first scan. */
    @GET
    @Path("/scans/latest")
    ScanFigures latestScan();

    /**
     * Dead letters, filtered as the scanner filters them (every parameter optional).
     *
     * @param since ISO-8601 instant
     * @param until ISO-8601 instant
     */
    @GET
    @Path("/dead-letters")
    DeadLetterListing deadLetters(@QueryParam("reason") String reason, @QueryParam("stage") String stage,
            @QueryParam("productId") Long productId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") Integer limit);

    /** One product's dead letters (the product page). */
    default DeadLetterListing deadLettersOf(long productId) {
        return deadLetters(null, null, productId, null, null, null);
    }

    /**
     * Replays dead letters by id (the one replay logic: idempotent, a content-policy violation refused unless edited).
     * A 400 or 503 arrives as a {@code WebApplicationException}.
     */
    @POST
    @Path("/dead-letters/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    ReplayReport replay(ReplayCommand command);

    /**
     * A new request for a product stuck, awaiting review or rejected by a reviewer, optionally with a prompt; 404 and
     * 409 (not allowed now, with the scanner's reason) arrive as a {@code WebApplicationException}.
     */
    @POST
    @Path("/products/{id}/request-again")
    @Consumes(MediaType.APPLICATION_JSON)
    RequestAgain.Requested requestAgain(@PathParam("id") long productId, RequestAgain.Body body);

    /**
     * An on-demand generation: a MANUAL request through the pipeline, idempotent by the key (the same key answers the
     * same request id and writes nothing). 400, 404, 409 (in flight, or with an image) and 503 arrive as a
     * {@code WebApplicationException}.
     */
    @POST
    @Path("/products/{id}/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    RequestAgain.Requested generate(@PathParam("id") long productId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            RequestAgain.Body body);

    /** The product as the catalog has it now (for a preview of a template on it); 404 as a {@code WebApplicationException}. */
    @GET
    @Path("/products/{id}")
    CatalogProduct product(@PathParam("id") long productId);

    /** The scanner's answer to {@code GET /products/{id}}. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogProduct(com.catalogimage.contracts.Product product, boolean hasImage) {
    }
}
