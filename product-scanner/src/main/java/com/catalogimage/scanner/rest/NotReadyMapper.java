package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.service.ScanService;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A scan asked for before the scanner knows what is in flight: retry later. */
public class NotReadyMapper {

    @ServerExceptionMapper
    public Response notReady(ScanService.NotReadyException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .entity(new Problem(e.getMessage())).build();
    }
}
