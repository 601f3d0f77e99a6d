package com.catalogimage.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the console reads of every stage: its readiness (UP/DOWN with each check's data: a pause's reason, say) and its
 * Micrometer meters. One client per stage, built by {@link StageClients}; a DOWN readiness answers 503 with the same
 * body, so the default exception mapper is off and the status read from the answer.
 */
@Path("/q")
public interface StageClient {

    @GET
    @Path("/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<HealthAnswer> ready();

    /** The Prometheus text exposition of the stage's meters. */
    @GET
    @Path("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    RestResponse<String> metrics();
}
