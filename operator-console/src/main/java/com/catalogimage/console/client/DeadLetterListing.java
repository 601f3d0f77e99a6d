package com.catalogimage.console.client;

import com.catalogimage.contracts.Product;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The scanner's answer to {@code GET /dead-letters}: how many matched and the ones returned.
 *
 * @param total    how many dead letters matched
 * @param returned how many are in {@link #deadLetters()}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadLetterListing(int total, int returned, List<Entry> deadLetters) {

    public DeadLetterListing {
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
    }

    /**
     * One dead letter as the scanner shows it (never image bytes).
     *
     * @param id              {@code <partition>-<offset>}, what a replay names
     * @param reason          a {@code DeadLetterReason} name
     * @param cause           the failure's message (already redacted by the stage that gave up)
     * @param replayRequestId the request id of its replay, once replayed
     * @param product         the product as the failed request described it; null from a scanner older than it, or for
     *                        an unreadable record
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            String id,
            Long productId,
            String requestId,
            String stage,
            String reason,
            String cause,
            Integer attempts,
            Instant timestamp,
            String originalTopic,
            String valueType,
            String productName,
            String promptOverride,
            String templateOverride,
            Integer requestAttempt,
            boolean replayed,
            String replayRequestId,
            Product product) {

        /** Whether the image model refused its prompt. */
        public boolean contentPolicy() {
            return CONTENT_POLICY.equals(reason);
        }
    }

    /** The reason of a prompt the image model's safety system refused. */
    public static final String CONTENT_POLICY = "CONTENT_POLICY";
}
