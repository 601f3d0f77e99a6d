package com.catalogimage.messaging.failure;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;

/**
 * What becomes of a record whose handling failed, from its {@link FailureClass} and how many delayed retries it has
 * been through. Pure: the {@link FailurePolicy} carries it out.
 *
 * @param action what to do
 * @param reason the dead letter's reason, for {@link Action#DEAD_LETTER}; {@code null} otherwise
 */
public record FailureDecision(Action action, DeadLetterReason reason) {

    public enum Action {
        /** The dependency refuses every record: pause consuming, hold the record until the probe passes. */
        HOLD,
        /** Throttled: the next retry topic (the last one over and over), never a dead letter. */
        LATER,
        /** The next delayed-retry topic. */
        RETRY,
        /** The dead-letter topic, now. */
        DEAD_LETTER
    }

    public static FailureDecision decide(FailureClass failureClass, int delayedRetries, int maxDelayedRetries) {
        return switch (failureClass.action()) {
            case PAUSE -> new FailureDecision(Action.HOLD, null);
            case SLOW_DOWN -> new FailureDecision(Action.LATER, null);
            case RETRY -> delayedRetries >= maxDelayedRetries
                    ? new FailureDecision(Action.DEAD_LETTER, DeadLetterReason.RETRIES_EXHAUSTED)
                    : new FailureDecision(Action.RETRY, null);
            case DEAD_LETTER -> new FailureDecision(Action.DEAD_LETTER, failureClass.deadLetterReason());
        };
    }
}
