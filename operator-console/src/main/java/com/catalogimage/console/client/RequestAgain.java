package com.catalogimage.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The scanner's {@code POST /products/{id}/request-again}: its optional body, and its answer (shapes copied). */
public final class RequestAgain {

    private RequestAgain() {
    }

    /** An operator's prompt (or template) for the new request; null fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String prompt, String template) {
    }

    /** The new request. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requested(long productId, String requestId, int attempt) {
    }
}
