package com.catalogimage.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers a dead letter carries besides the original record. SmallRye's dead-letter strategy adds
 * {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition} and
 * {@code dead-letter-offset}; these add what an operator needs to decide on a replay. A stage passes them as
 * {@code OutgoingKafkaRecordMetadata} headers in the metadata of its {@code nack}.
 */
public final class DeadLetterHeaders {
    /** A {@link DeadLetterReason} name. */
    public static final String REASON_CODE = "dead-letter-reason-code";
    /** The service that gave up, for example {@code image-generator}. */
    public static final String STAGE = "dead-letter-stage";
    /** How many times the record was tried before it was dead-lettered. */
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
