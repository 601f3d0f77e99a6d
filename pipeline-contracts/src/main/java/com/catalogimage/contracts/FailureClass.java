package com.catalogimage.contracts;

/**
 * What kind of failure a stage met, and therefore what the pipeline does about it: the design brief's failure table
 * as code, shared by every stage. Each stage only maps its own client's errors onto these classes.
 */
public enum FailureClass {
    /** The model's safety system refused the prompt: dead letter at once, never retried automatically. */
    POLICY(Action.DEAD_LETTER, DeadLetterReason.CONTENT_POLICY),
    /** The whole resource is blocked (403): stop consuming, health DOWN; nothing is dead-lettered. */
    RESOURCE_BLOCKED(Action.PAUSE, null),
    /** Wrong key, missing or retired deployment (401/404): stop consuming, health DOWN; nothing is dead-lettered. */
    CONFIGURATION(Action.PAUSE, null),
    /** 429: wait as told, slow down; not a failure. */
    THROTTLED(Action.SLOW_DOWN, null),
    /** 5xx, timeout, connection reset: bounded retry, then delayed-retry topics, then {@code RETRIES_EXHAUSTED}. */
    TRANSIENT(Action.RETRY, DeadLetterReason.RETRIES_EXHAUSTED),
    /** Any other refusal of the request itself (bad size, prompt too long): dead letter. */
    INVALID_REQUEST(Action.DEAD_LETTER, DeadLetterReason.INVALID_REQUEST),
    /** A record that cannot be read: dead letter, the partition moves on. */
    POISON(Action.DEAD_LETTER, DeadLetterReason.POISON),
    /** Bytes that are not the image they claim to be, or too large: dead letter. */
    INVALID_IMAGE(Action.DEAD_LETTER, DeadLetterReason.INVALID_IMAGE),
    /** The image failed the enforced quality check twice (once more with the critique folded in): dead letter. */
    QUALITY_REJECTED(Action.DEAD_LETTER, DeadLetterReason.QUALITY_REJECTED);

    /** What a stage does with a record that failed this way. */
    public enum Action {
        DEAD_LETTER, PAUSE, SLOW_DOWN, RETRY
    }

    private final Action action;
    private final DeadLetterReason deadLetterReason;

    FailureClass(Action action, DeadLetterReason deadLetterReason) {
        this.action = action;
        this.deadLetterReason = deadLetterReason;
    }

    public Action action() {
        return action;
    }

    /** The reason when this class ends in the dead-letter topic; {@code null} for classes that never do. */
    public DeadLetterReason deadLetterReason() {
        return deadLetterReason;
    }
}
