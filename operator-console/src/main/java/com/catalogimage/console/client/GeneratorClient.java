package com.catalogimage.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The image generator's {@code POST /previews} (issue 13's contract): one image of a prompt, or of a template and a
 * product, through the generator's deployment pool, budget and prices, with no Kafka record and no status. The key is
 * the generator's {@code GENERATOR_API_KEY}, held here as {@code CONSOLE_GENERATOR_API_KEY}; it only ever travels to the
 * generator. 400, 422 (a refusal), 429 (the quota or budget wait is too long) and 503 (halted) arrive as a
 * {@code WebApplicationException} ({@link GeneratorAnswers} says what they mean).
 */
@RegisterRestClient(configKey = "generator")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-API-Key", value = "${console.generations.generator-api-key}", required = false)
public interface GeneratorClient {

    @POST
    @Path("/previews")
    @Consumes(MediaType.APPLICATION_JSON)
    Preview.Answer preview(Preview.Request request);
}
