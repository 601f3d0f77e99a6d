package com.catalogimage.contracts;

/**
 * Headers a dead letter carries besides the original record. SmallRye's dead-letter strategy adds
 * {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition} and
 * {@code dead-letter-offset}; these add what an operator needs to decide on a replay.
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
}
