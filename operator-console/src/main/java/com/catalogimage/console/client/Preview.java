package com.catalogimage.console.client;

import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** The generator's {@code POST /previews}: its body and its answer (shapes copied from the contract). */
public final class Preview {

    private Preview() {
    }

    /**
     * A whole prompt, or a template and the product it is filled with; the key makes the generator's ledger record it as
     * {@code preview-<key>}. Null fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String prompt, String template, Product product, String idempotencyKey) {
    }

    /** The image (base64) and what made it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String contentType, String imageBase64, String model, String deployment, String size,
            String quality, BigDecimal costUsd, String prompt, QualityVerdict verdict) {
    }
}
