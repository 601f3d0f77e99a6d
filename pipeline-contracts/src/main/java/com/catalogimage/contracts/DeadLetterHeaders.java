package com.catalogimage.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers a dead letter carries besides the original record: what an operator needs to decide on a replay. Stages
 * pass them in the metadata of their {@code nack} (pipeline-messaging's {@code FailurePolicy}). SmallRye adds its own:
 * under the {@code delayed-retry-topic} strategy {@code delayed-retry-reason}, {@code delayed-retry-exception-class-name},
 * {@code delayed-retry-cause}, {@code delayed-retry-count}, {@code delayed-retry-topic/-partition/-offset}; under
 * {@code dead-letter-queue} the {@code dead-letter-*} equivalents.
 */
public final class DeadLetterHeaders {
    /** A {@link DeadLetterReason} name. */
    public static final String REASON_CODE = "dead-letter-reason-code";
    /** The service that gave up, for example {@code image-generator}. */
    public static final String STAGE = "dead-letter-stage";
    /**
     * How many times the stage took the record before it gave up: its first delivery and each delayed retry (a
     * client's in-process retries happen inside one). 0 for a record that could not be read at all (POISON).
     */
    public static final String ATTEMPTS = "dead-letter-attempts";

    private DeadLetterHeaders() {
    }

    /** The headers for one dead letter. */
    public static Headers of(DeadLetterReason reason, String stage, int attempts) {
        return new RecordHeaders()
                .add(REASON_CODE, reason.name().getBytes(StandardCharsets.UTF_8))
                .add(STAGE, stage.getBytes(StandardCharsets.UTF_8))
                .add(ATTEMPTS, String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
    }
}
