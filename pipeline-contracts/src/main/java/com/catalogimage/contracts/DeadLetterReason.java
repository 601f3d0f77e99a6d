package com.catalogimage.contracts;

/**
 * Why a record went to the dead-letter topic. Carried in the {@link DeadLetterHeaders#REASON_CODE} header next to
 * SmallRye's own {@code dead-letter-reason} and {@code dead-letter-cause} headers.
 */
public enum DeadLetterReason {
    /** The model's safety system refused the prompt. Never retried automatically: repeated hits can get the resource blocked. */
    CONTENT_POLICY(ProductStatus.ReasonCode.CONTENT_POLICY),
    /** A transient failure that outlived every retry. */
    RETRIES_EXHAUSTED(ProductStatus.ReasonCode.RETRIES_EXHAUSTED),
    /** The service refused the request itself (a bad size, a prompt too long): retrying cannot help. */
    INVALID_REQUEST(ProductStatus.ReasonCode.INVALID_REQUEST),
    /** The record could not be read at all. */
    POISON(ProductStatus.ReasonCode.POISON),
    /** The bytes are not the image they claim to be, or are too large. */
    INVALID_IMAGE(ProductStatus.ReasonCode.INVALID_IMAGE),
    /**
     * The quality check ({@code QUALITY_CHECK=enforce}) failed the image, and the image generated again with its
     * critique failed too; the dead letter's detail carries the verdict ({@link QualityVerdict#summary()}).
     */
    QUALITY_REJECTED(ProductStatus.ReasonCode.QUALITY_REJECTED);

    private final ProductStatus.ReasonCode code;

    DeadLetterReason(ProductStatus.ReasonCode code) {
        this.code = code;
    }

    /** The same reason as it appears on the status topic. */
    public ProductStatus.ReasonCode code() {
        return code;
    }
}
