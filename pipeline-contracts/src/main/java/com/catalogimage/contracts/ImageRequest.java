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
 */
public record ImageRequest(
        String requestId,
        Product product,
        int attempt,
        String promptOverride,
        Origin origin,
        Instant requestedAt) {

    /** Who created a request. */
    public enum Origin {
        SCAN, REPLAY, MANUAL
    }
}
