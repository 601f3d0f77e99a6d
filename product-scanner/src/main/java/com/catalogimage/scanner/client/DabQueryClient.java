package com.catalogimage.scanner.client;

import com.catalogimage.scanner.client.QueryRows.CategoryRow;
import com.catalogimage.scanner.client.QueryRows.ProcedureProductRow;
import com.catalogimage.scanner.client.QueryRows.ProductRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Data API Builder's REST endpoint, read-only. The base URL includes DAB's REST path ({@code /api} by default, the seed
 * used {@code /rest}). A scan that fails after its retries is simply tried again at the next interval.
 */
@RegisterRestClient(configKey = "dab")
@RegisterClientHeaders(DabQueryHeaders.class)
public interface DabQueryClient {

    @GET
    @Path("/Products")
    @Retry(maxRetries = 3, delay = 500, jitter = 250)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    DabPage<ProductRow> products(@QueryParam("$filter") String filter, @QueryParam("$select") String select,
            @QueryParam("$first") int first, @QueryParam("$after") String after);

    @GET
    @Path("/Categories")
    @Retry(maxRetries = 3, delay = 500, jitter = 250)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    DabPage<CategoryRow> categories(@QueryParam("$first") int first, @QueryParam("$after") String after);

    /** The seed's procedure; {@code -1} means every product. */
    @GET
    @Path("/GetProducts")
    @Retry(maxRetries = 3, delay = 500, jitter = 250)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    DabPage<ProcedureProductRow> getProducts(@QueryParam("ProductID") long productId);
}
