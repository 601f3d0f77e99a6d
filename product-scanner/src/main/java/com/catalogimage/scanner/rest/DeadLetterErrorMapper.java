package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.messaging.DeadLetterReader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A request the dead-letter API cannot take (400), or a topic it cannot read now (503). */
public class DeadLetterErrorMapper {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unavailable(DeadLetterReader.UnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON).entity(new Problem(e.getMessage())).build();
    }
}
