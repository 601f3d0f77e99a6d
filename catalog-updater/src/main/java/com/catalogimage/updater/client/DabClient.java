package com.catalogimage.updater.client;

import com.catalogimage.updater.client.CatalogRows.ConditionalWriteRow;
import com.catalogimage.updater.client.CatalogRows.DabRows;
import com.catalogimage.updater.client.CatalogRows.ImageUrlPatch;
import com.catalogimage.updater.client.CatalogRows.ProcedureProductRow;
import com.catalogimage.updater.client.CatalogRows.ProductRow;
import com.catalogimage.updater.client.CatalogRows.UpdateImageUrlParameters;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Data API Builder's REST endpoint; the base URL includes DAB's REST path ({@code /api} by default, {@code /rest} in
 * the seed). Reads and writes retry a few times, with jitter so that the consumers of a group do not retry in step,
 * and only when {@link DabFailures} calls the failure transient (5xx, 409, timeouts, I/O): a 4xx will not change.
 * The readiness probes neither retry nor wait long.
 */
@RegisterRestClient(configKey = "dab")
@RegisterClientHeaders(DabHeaders.class)
@RegisterProvider(DabErrorMapper.class)
public interface DabClient {

    /** Table mode read: DAB answers 200 with an empty {@code value} for a missing row, not 404. */
    @GET
    @Path("/Products/Id/{id}")
    @Retry(maxRetries = 3, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DabFailures.Transient.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    DabRows<ProductRow> product(@PathParam("id") long id, @QueryParam("$select") String select);

    /**
     * Table mode write. {@code If-Match: *} makes DAB's PATCH update-only: without it a missing row would be inserted
     * (an upsert), with it DAB answers 404 {@code EntityNotFound}.
     */
    @PATCH
    @Path("/Products/Id/{id}")
    @ClientHeaderParam(name = "If-Match", value = "*")
    @Retry(maxRetries = 3, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DabFailures.Transient.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    DabRows<ProductRow> patchImageUrl(@PathParam("id") long id, ImageUrlPatch body);

    /** Stored-procedure mode read: the seed's {@code GetProducts}, one product (empty {@code value} when missing). */
    @GET
    @Path("/GetProducts")
    @Retry(maxRetries = 3, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DabFailures.Transient.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    DabRows<ProcedureProductRow> getProduct(@QueryParam("ProductID") long productId);

    /**
     * Stored-procedure mode write, conditional (deploy/sql, decision 0017): 201 with one row saying whether it wrote; an
     * unknown product is the seed's RAISERROR, surfaced by DAB as 400 {@code DatabaseOperationFailed} "Product not
     * found.".
     */
    @POST
    @Path("/UpdateProductImageUrl")
    @Retry(maxRetries = 3, delay = 300, jitter = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DabFailures.Transient.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    DabRows<ConditionalWriteRow> updateProductImageUrl(UpdateImageUrlParameters parameters);

    /** Readiness in table mode: one id. */
    @GET
    @Path("/Products")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    DabRows<ProductRow> probeProducts(@QueryParam("$first") int first, @QueryParam("$select") String select);

    /** Readiness in stored-procedure mode: no product has id 0, so the answer is empty and cheap. */
    @GET
    @Path("/GetProducts")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    DabRows<ProcedureProductRow> probeProcedure(@QueryParam("ProductID") long productId);
}
