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

/** Scans on demand and reports the last one. */
@Path("/scans")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ScanResource {

    private final ScanService scans;

    public ScanResource(ScanService scans) {
        this.scans = scans;
    }

    /** Runs a scan now and answers with its report. */
    @POST
    @RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
    public ScanReport scanNow() {
        return scans.scan("api");
    }

    /** Counts of the last scan; 404 before the first one. */
    @GET
    @Path("/latest")
    public Response latest() {
        return scans.latest().map(report -> Response.ok(report).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).entity(new Problem("no scan has run yet")).build());
    }
}
