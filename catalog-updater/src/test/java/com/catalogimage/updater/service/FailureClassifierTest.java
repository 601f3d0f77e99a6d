package com.catalogimage.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.updater.client.DabException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 409, 408, 429})
    void serverErrorsConflictsAndThrottlingAreTransient(int status) {
        DabException failure = new DabException(status, "DatabaseOperationFailed", "busy");
        assertThat(FailureClassifier.isTransient(failure)).isTrue();
        assertThat(FailureClassifier.classify(failure).reason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405})
    void otherClientErrorsAreNotRetried(int status) {
        DabException failure = new DabException(status, "BadRequest", "no");
        assertThat(FailureClassifier.isTransient(failure)).isFalse();
        assertThat(FailureClassifier.classify(failure).reason()).isEqualTo(DeadLetterReason.INVALID_REQUEST);
    }

    @Test
    void timeoutsAndConnectionFailuresAreTransient() {
        assertThat(FailureClassifier.isTransient(new TimeoutException("5 s"))).isTrue();
        assertThat(FailureClassifier.isTransient(new ProcessingException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aDabAnswerDecidesEvenWhenWrapped() {
        assertThat(FailureClassifier.isTransient(new ProcessingException(new DabException(400, "BadRequest", "no")))).isFalse();
        assertThat(FailureClassifier.isTransient(new RuntimeException(new DabException(503, "UnexpectedError", "down")))).isTrue();
    }

    @Test
    void programmingErrorsAreNotRetried() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(new FailureClassifier.Transient().test(new DabException(500, "DatabaseOperationFailed", "x"))).isTrue();
    }
}
