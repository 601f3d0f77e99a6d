package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.security.ApiKeyIdentityProvider;
import com.catalogimage.scanner.service.ScanReport;
import com.catalogimage.scanner.service.ScanService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scans on demand and reports the last one. */
@Path("/scans")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = OperatorApi.SCANS)
public class ScanResource {

    private final ScanService scans;

    public ScanResource(ScanService scans) {
        this.scans = scans;
    }

    /** Runs a scan now and answers with its report. */
    @POST
    @RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
    @Operation(summary = "Run a scan now",
            description = "Reads the catalog, requests an image for every product that needs one and answers the "
                    + "scan's report. The same scan as the scheduled one (every scan.interval).")
    @SecurityRequirement(name = OperatorApi.API_KEY)
    @SecurityRequirement(name = OperatorApi.BEARER)
    @APIResponse(responseCode = "200", description = "The scan's report",
            content = @Content(schema = @Schema(implementation = ScanReport.class)))
    @APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
    @APIResponse(responseCode = "403", description = "A valid token without an operators' role")
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public ScanReport scanNow() {
        return scans.scan("api");
    }

    /** Counts of the last scan; 404 before the first one. */
    @GET
    @Path("/latest")
    @Operation(summary = "The last scan's counts",
            description = "Seen, missing, requested, requested again, already in flight, dead-lettered and skipped by "
                    + "reason, of the last scan (scheduled or on demand).")
    @APIResponse(responseCode = "200", description = "The last scan's report",
            content = @Content(schema = @Schema(implementation = ScanReport.class)))
    @APIResponse(responseCode = "404", description = "No scan has run yet",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response latest() {
        return scans.latest().map(report -> Response.ok(report).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).entity(new Problem("no scan has run yet")).build());
    }
}
