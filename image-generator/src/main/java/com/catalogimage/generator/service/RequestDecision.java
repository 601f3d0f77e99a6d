package com.catalogimage.generator.service;

import com.catalogimage.contracts.ImageRequest;
import java.time.Instant;

/** Whether an image request is to be generated, given what the generator knows. Pure: no I/O. */
public enum RequestDecision {
    /** Pay for an image. */
    GENERATE,
    /** The image was paid for but its publication failed: publish the held image, call nothing. */
    PUBLISH_HELD,
    /**
     * This request id's image was paid for and published: a redelivery or a replayed copy. (A copy arriving while the
     * first is being generated waits for the product's lock and then finds it published.)
     */
    DUPLICATE,
    /**
     * A scan request made before the product got an image: the scanner re-requests a product whose status is older
     * than its in-flight timeout, so with a backlog the same product can wait in the topic twice, the second behind the
     * first; once the first has an image, the second is superseded (docs/decisions/0011). Replays and other origins
     * are an operator's deliberate choice and are never superseded.
     */
    SUPERSEDED;

    /**
     * @param known     whether the request id's image was paid for and published (the ledger, or a status carrying it)
     * @param held      whether this instance holds the request's image, generated but not published
     * @param lastImage when the product last had an image, from any request; {@code null} if never
     */
    public static RequestDecision decide(ImageRequest request, boolean known, boolean held, Instant lastImage) {
        if (held) {
            return PUBLISH_HELD;
        }
        if (known) {
            return DUPLICATE;
        }
        if (request.origin() == ImageRequest.Origin.SCAN && request.requestedAt() != null && lastImage != null
                && !lastImage.isBefore(request.requestedAt())) {
            return SUPERSEDED;
        }
        return GENERATE;
    }
}
