package com.catalogimage.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest state of one product, published to the compacted status topic by every stage.
 *
 * @param productId the product
 * @param requestId the request this state belongs to
 * @param attempt   the request's attempt number (0 for products skipped before any request)
 * @param state     where the product is
 * @param reason    why it stopped, for {@link State#SKIPPED} and {@link State#DEAD_LETTERED}; {@code null} otherwise
 * @param detail    a human-readable explanation, safe to show an operator (never a secret)
 * @param stage     the service that wrote this state
 * @param at        when
 * @param costUsd   what this state cost at list price (the generation, on {@link State#GENERATED}, with its quality
 *                  checks); else {@code null}
 * @param verdict   the image's quality verdict and alt text, on the states that follow a generation (GENERATED,
 *                  AWAITING_REVIEW, STORED, COMPLETED, and a QUALITY_REJECTED dead letter); else {@code null}. Added
 *                  with the quality check: older producers leave it out
 * @param originalImageUrl for a {@link ImageRequest.Mode#RESTYLE restyle}: the catalog's image before it, which stays
 *                  published until a reviewer approves the new one (and is kept here afterwards, for the timeline);
 *                  else {@code null}. Filled by the factories below from the request. Added with issue 14
 */
public record ProductStatus(
        long productId,
        String requestId,
        int attempt,
        State state,
        ReasonCode reason,
        String detail,
        String stage,
        Instant at,
        BigDecimal costUsd,
        QualityVerdict verdict,
        String originalImageUrl) {

    /** A status without a restyle's original (every request that is not a restyle, and older producers). */
    public ProductStatus(long productId, String requestId, int attempt, State state, ReasonCode reason, String detail,
            String stage, Instant at, BigDecimal costUsd, QualityVerdict verdict) {
        this(productId, requestId, attempt, state, reason, detail, stage, at, costUsd, verdict, null);
    }

    /** A status without a quality verdict (every state before a generation, and producers older than the check). */
    public ProductStatus(long productId, String requestId, int attempt, State state, ReasonCode reason, String detail,
            String stage, Instant at, BigDecimal costUsd) {
        this(productId, requestId, attempt, state, reason, detail, stage, at, costUsd, null, null);
    }

    /** The same status carrying {@code verdict}. */
    public ProductStatus withVerdict(QualityVerdict verdict) {
        return new ProductStatus(productId, requestId, attempt, state, reason, detail, stage, at, costUsd, verdict,
                originalImageUrl);
    }

    /** The same status carrying the restyle's original image URL of {@code request} (none for other requests). */
    public ProductStatus withOriginalOf(ImageRequest request) {
        String original = request != null && request.isRestyle() ? request.product().imageUrl() : null;
        return new ProductStatus(productId, requestId, attempt, state, reason, detail, stage, at, costUsd, verdict,
                original);
    }

    /** The life of a product in the pipeline. */
    public enum State {
        REQUESTED, GENERATED, STORED, COMPLETED, SKIPPED, DEAD_LETTERED,
        /**
         * Stored where shoppers cannot see it (a private review container), waiting for a person's decision
         * ({@link ReviewDecision}) because {@code REVIEW_MODE=manual}. Not final (a decision moves it on) and not in
         * flight: it may wait for days, is never stuck and never requested again automatically. Added with the review
         * gate; an older consumer reads it as {@link #UNKNOWN}.
         */
        AWAITING_REVIEW,
        /** Written by a newer producer; an older consumer treats it as unknown rather than failing. */
        @JsonEnumDefaultValue
        UNKNOWN;

        /** Whether the product will not move again without someone acting on it. */
        public boolean isFinal() {
            return this == COMPLETED || this == SKIPPED || this == DEAD_LETTERED;
        }
    }

    /** Why a product was skipped or dead-lettered. */
    public enum ReasonCode {
        // skipped: input hygiene and races, nothing paid for
        EMPTY_DESCRIPTION, VAGUE_DESCRIPTION, DUPLICATE, ALREADY_HAS_IMAGE, PRODUCT_GONE,
        // dead-lettered: see DeadLetterReason
        CONTENT_POLICY, RETRIES_EXHAUSTED, INVALID_REQUEST, POISON, INVALID_IMAGE,
        // skipped by a person at the review gate (the image was paid for and is kept, never published)
        REJECTED_BY_REVIEWER,
        // dead-lettered: the enforced quality check failed the image twice (see DeadLetterReason)
        QUALITY_REJECTED,
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** A product moved on: REQUESTED, STORED, COMPLETED. */
    public static ProductStatus of(ImageRequest request, State state, String detail, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), request.attempt(), state, null, detail, stage,
                Instant.now(), null).withOriginalOf(request);
    }

    /** The model answered; the cost is what Azure charges for it. */
    public static ProductStatus generated(ImageRequest request, BigDecimal costUsd, String detail, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), request.attempt(), State.GENERATED, null,
                detail, stage, Instant.now(), costUsd).withOriginalOf(request);
    }

    /** Skipped before any request was made (input hygiene): no request id, attempt 0. */
    public static ProductStatus skipped(long productId, ReasonCode reason, String detail, String stage) {
        return new ProductStatus(productId, null, 0, State.SKIPPED, reason, detail, stage, Instant.now(), null);
    }

    /** Skipped while handling a request (the catalog changed under it). */
    public static ProductStatus skipped(ImageRequest request, ReasonCode reason, String detail, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), request.attempt(), State.SKIPPED, reason,
                detail, stage, Instant.now(), null).withOriginalOf(request);
    }

    public static ProductStatus deadLettered(ImageRequest request, DeadLetterReason reason, String detail, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), request.attempt(), State.DEAD_LETTERED,
                reason.code(), detail, stage, Instant.now(), null).withOriginalOf(request);
    }
}
