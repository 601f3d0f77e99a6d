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
 */
public record ImageRequest(
        String requestId,
        Product product,
        int attempt,
        String promptOverride,
        Origin origin,
        Instant requestedAt,
        String templateOverride) {

    /** A request without a template override (every origin except some replays). */
    public ImageRequest(String requestId, Product product, int attempt, String promptOverride, Origin origin,
            Instant requestedAt) {
        this(requestId, product, attempt, promptOverride, origin, requestedAt, null);
    }

    /** Who created a request. */
    public enum Origin {
        SCAN, REPLAY, MANUAL
    }
}
