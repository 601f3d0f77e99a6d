package com.catalogimage.updater.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns DAB's error envelope into a {@link DabException}; bodies that are not DAB's (a gateway's 502 page) keep the status. */
public class DabErrorMapper implements ResponseExceptionMapper<DabException> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message, Integer status) {
    }

    @Override
    public DabException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        Error error = parse(body);
        if (error == null || error.code() == null) {
            return new DabException(response.getStatus(), "Unknown", abbreviate(body));
        }
        return new DabException(response.getStatus(), error.code(), error.message());
    }

    private static Error parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Envelope envelope = MAPPER.readValue(body, Envelope.class);
            return envelope == null ? null : envelope.error();
        } catch (Exception notAnEnvelope) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
