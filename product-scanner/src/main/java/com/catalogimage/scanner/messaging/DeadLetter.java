package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One record of the dead-letter topic as an operator sees it. Never carries image bytes.
 *
 * @param id               {@code <partition>-<offset>}: stable for the record's lifetime on the topic
 * @param productId        from the original record, else from the key; {@code null} when neither can be read
 * @param requestId        the original request's id; {@code null} for an unreadable record
 * @param stage            the service that gave up
 * @param reason           a {@code DeadLetterReason} name (or {@code UNKNOWN})
 * @param cause            the failure's message (SmallRye's {@code dead-letter-reason}, with {@code dead-letter-cause})
 * @param attempts         how often the stage tried, when it said
 * @param timestamp        when the record was dead-lettered
 * @param originalTopic    where the record came from ({@code dead-letter-topic})
 * @param valueType        {@code ImageRequest}, {@code GeneratedImage}, {@code StoredImage}, or {@code unreadable}
 * @param productName      the product's name as requested
 * @param promptOverride   the original request's prompt override, if any
 * @param templateOverride the original request's template override, if any
 * @param requestAttempt   the original request's attempt number
 * @param replayed         whether this dead letter has been replayed
 * @param replayRequestId  the request id of its replay
 * @param request          the original request, for a replay
 * @param traceparent      the trace of the failed request (the record's {@code traceparent} header), linked from its
 *                         replay's trace
 */
public record DeadLetter(
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
        @JsonIgnore ImageRequest request,
        @JsonIgnore String traceparent) {

    /** How the request id of a replay starts. */
    public static final String REPLAY_PREFIX = "replay-";

    /** The id a replay of this dead letter gets: the same dead letter always yields the same request id. */
    public String replayId() {
        return REPLAY_PREFIX + id;
    }

    /**
     * The product as the failed request described it (listed as {@code product}): what an operator, or the console's
     * chat model suggesting a rewrite of a refused prompt, needs to know about it; {@code null} for an unreadable record.
     */
    @JsonProperty("product")
    public Product product() {
        return request == null ? null : request.product();
    }

    public DeadLetter asReplayed(boolean replayed) {
        return new DeadLetter(id, productId, requestId, stage, reason, cause, attempts, timestamp, originalTopic, valueType,
                productName, promptOverride, templateOverride, requestAttempt, replayed, replayed ? replayId() : null,
                request, traceparent);
    }
}
