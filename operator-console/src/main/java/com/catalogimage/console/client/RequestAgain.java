package com.catalogimage.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The scanner's {@code POST /products/{id}/request-again}: its optional body, and its answer (shapes copied). */
public final class RequestAgain {

    private RequestAgain() {
    }

    /**
     * An operator's prompt (or template) for the new request, and for an on-demand generation its {@code mode}
     * ({@code restyle}: a new image from the product's current one); null fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String prompt, String template, String mode) {

        /** A body without a mode: a new image, as every request before restyles. */
        public Body(String prompt, String template) {
            this(prompt, template, null);
        }

        /** A restyle, optionally with the operator's prompt. */
        public static Body restyle(String prompt) {
            return new Body(prompt, null, "restyle");
        }
    }

    /** The new request. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requested(long productId, String requestId, int attempt) {
    }
}
