package com.catalogimage.contracts;

import java.time.Instant;

/**
 * A person's decision on one image at the review gate ({@code REVIEW_MODE=manual}), written by the operator console to
 * {@link Topics#REVIEW_DECISIONS} (key: the product id) and carried out by the blob-uploader. It carries the image it
 * decides as the uploader described it on {@link Topics#IMAGES_AWAITING_REVIEW}, so carrying it out needs no lookup,
 * and a decision that arrives after the product moved on to another image (its latest status is no longer
 * AWAITING_REVIEW for {@code image.request().requestId()}) is recognised as stale and changes nothing.
 *
 * @param decisionId unique id of this decision: a redelivered decision is carried out once
 * @param productId  the product
 * @param image      the image decided: its request, its blob in the review container, its private URL
 * @param verdict    what the reviewer decided
 * @param note       the reviewer's note (bounded, plain text), may be {@code null}
 * @param prompt     for {@link Verdict#REGENERATE}: the edited prompt of the new request; else {@code null}
 * @param reviewer   who decided (the console's authenticated user name)
 * @param at         when
 * @param variant    for {@link Verdict#APPROVE}: which of the call's images to publish, 0 the main image, {@code k} its
 *                   {@link StoredImage.Variant#index() variant k}; the others are kept in the review container and
 *                   never published. Added with issue 14: older producers leave it out (0)
 */
public record ReviewDecision(
        String decisionId,
        long productId,
        StoredImage image,
        Verdict verdict,
        String note,
        String prompt,
        String reviewer,
        Instant at,
        int variant) {

    /** A decision on the main image (every decision before variants). */
    public ReviewDecision(String decisionId, long productId, StoredImage image, Verdict verdict, String note,
            String prompt, String reviewer, Instant at) {
        this(decisionId, productId, image, verdict, note, prompt, reviewer, at, 0);
    }

    /** What a reviewer can decide. */
    public enum Verdict {
        /** Publish the image: public container, then the catalog. */
        APPROVE,
        /** Do not publish: the product ends SKIPPED {@code REJECTED_BY_REVIEWER}. */
        REJECT,
        /**
         * Do not publish, and generate again with an edited prompt: the console asks the scanner for a new request, so
         * the product does not end SKIPPED.
         */
        REGENERATE
    }
}
