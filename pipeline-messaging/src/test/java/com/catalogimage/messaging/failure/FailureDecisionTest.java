package com.catalogimage.messaging.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.messaging.failure.FailureDecision.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureDecisionTest {

    @ParameterizedTest
    @EnumSource(value = FailureClass.class, names = {"CONFIGURATION", "RESOURCE_BLOCKED"})
    void aDependencyRefusingEverythingHoldsTheRecordHoweverOftenItWasTried(FailureClass failureClass) {
        assertThat(FailureDecision.decide(failureClass, 0, 3)).isEqualTo(new FailureDecision(Action.HOLD, null));
        assertThat(FailureDecision.decide(failureClass, 3, 3)).isEqualTo(new FailureDecision(Action.HOLD, null));
    }

    @Test
    void throttlingIsNeverAFailureOfTheRecord() {
        assertThat(FailureDecision.decide(FailureClass.THROTTLED, 7, 3)).isEqualTo(new FailureDecision(Action.LATER, null));
    }

    @Test
    void aTransientFailureIsRetriedUntilTheRetriesAreSpentThenDeadLettered() {
        assertThat(FailureDecision.decide(FailureClass.TRANSIENT, 0, 3).action()).isEqualTo(Action.RETRY);
        assertThat(FailureDecision.decide(FailureClass.TRANSIENT, 2, 3).action()).isEqualTo(Action.RETRY);
        assertThat(FailureDecision.decide(FailureClass.TRANSIENT, 3, 3))
                .isEqualTo(new FailureDecision(Action.DEAD_LETTER, DeadLetterReason.RETRIES_EXHAUSTED));
    }

    @ParameterizedTest
    @EnumSource(value = FailureClass.class, names = {"POLICY", "INVALID_REQUEST", "POISON", "INVALID_IMAGE"})
    void permanentFailuresAreDeadLetteredAtOnceWithTheirOwnReason(FailureClass failureClass) {
        assertThat(FailureDecision.decide(failureClass, 0, 3))
                .isEqualTo(new FailureDecision(Action.DEAD_LETTER, failureClass.deadLetterReason()));
    }
}
