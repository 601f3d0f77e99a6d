package com.catalogimage.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;

/**
 * The latest state of one product, published to the compacted status topic by every stage.
 *
 * @param productId the product
 * @param requestId the request this state belongs to
 * @param state     where the product is
 * @param reason    why it stopped, for {@link State#SKIPPED} and {@link State#DEAD_LETTERED}; {@code null} otherwise
 * @param detail    a human-readable explanation, safe to show an operator (never a secret)
 * @param stage     the service that wrote this state
 * @param at        when
 */
public record ProductStatus(
        long productId,
        String requestId,
        State state,
        ReasonCode reason,
        String detail,
        String stage,
        Instant at) {

    /** The life of a product in the pipeline. */
    public enum State {
        REQUESTED, GENERATED, STORED, COMPLETED, SKIPPED, DEAD_LETTERED,
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
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public static ProductStatus of(ImageRequest request, State state, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), state, null, null, stage, Instant.now());
    }

    public static ProductStatus skipped(long productId, String requestId, ReasonCode reason, String detail, String stage) {
        return new ProductStatus(productId, requestId, State.SKIPPED, reason, detail, stage, Instant.now());
    }

    public static ProductStatus deadLettered(ImageRequest request, DeadLetterReason reason, String detail, String stage) {
        return new ProductStatus(request.product().id(), request.requestId(), State.DEAD_LETTERED, reason.code(), detail,
                stage, Instant.now());
    }
}
