package com.catalogimage.contracts;

import java.time.Instant;

/**
 * Asks the generator for one image of one product. Key on the topic: the product id.
 *
 * @param requestId      idempotency key: a redelivered or replayed record with the same id is never generated twice
 * @param product        the product as the catalog described it when the request was made
 * @param attempt        1 for the first request of a product, incremented by replays and stuck-request re-emits
 * @param promptOverride a whole prompt written by an operator on replay; {@code null} means "build it from the template"
 * @param origin         who asked
 * @param requestedAt    when the request was made
 * @param templateOverride a prompt template written by an operator on replay, with the same placeholders as the
 *                       configured one ({@code {name}}, {@code {description}}, {@code {category}}, {@code {tags}});
 *                       used when there is no {@code promptOverride}; {@code null} means "the configured template".
 *                       Added after the first release: older consumers ignore it (unknown fields are tolerated)
 * @param mode           what to make: {@code null} or {@link Mode#GENERATE} a new image (from the product's reference
 *                       photo when it has one), {@link Mode#RESTYLE} a new image from the product's current one
 *                       ({@link Product#imageUrl()}), which always passes the review gate. Added with issue 14
 */
public record ImageRequest(
        String requestId,
        Product product,
        int attempt,
        String promptOverride,
        Origin origin,
        Instant requestedAt,
        String templateOverride,
        Mode mode) {

    /** A request that generates a new image (every request before restyling existed). */
    public ImageRequest(String requestId, Product product, int attempt, String promptOverride, Origin origin,
            Instant requestedAt, String templateOverride) {
        this(requestId, product, attempt, promptOverride, origin, requestedAt, templateOverride, null);
    }

    /** A request without a template override (every origin except some replays). */
    public ImageRequest(String requestId, Product product, int attempt, String promptOverride, Origin origin,
            Instant requestedAt) {
        this(requestId, product, attempt, promptOverride, origin, requestedAt, null);
    }

    /** Who created a request. */
    public enum Origin {
        SCAN, REPLAY, MANUAL
    }

    /** What a request makes. */
    public enum Mode {
        /** A new image of a product without one; from its reference photo ({@link Product#sourceImageUrl()}) if any. */
        GENERATE,
        /**
         * A new image from the product's current, poor supplier photo ({@link Product#imageUrl()}), through
         * {@code /images/edits}. Never published without a reviewer's approval, and the original stays in the catalog
         * (and in {@link ProductStatus#originalImageUrl()}) until then.
         */
        RESTYLE
    }

    /** Whether this request restyles the product's current image. */
    public boolean isRestyle() {
        return mode == Mode.RESTYLE;
    }

    /**
     * The photo the model starts from ({@code /images/edits}): the current image for a restyle, else the product's
     * reference photo; {@code null} for a plain generation.
     */
    public String referencePhotoUrl() {
        return isRestyle() ? product.imageUrl() : product.sourceImageUrl();
    }

    /** The same request with another mode (the scanner's restyle requests). */
    public ImageRequest withMode(Mode newMode) {
        return new ImageRequest(requestId, product, attempt, promptOverride, origin, requestedAt, templateOverride,
                newMode);
    }
}
