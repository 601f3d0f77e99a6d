package com.catalogimage.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.FailureClass;
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
        assertThat(FailureClassifier.classify(failure)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aWrongTokenOrRoleIsConfiguration(int status) {
        DabException failure = new DabException(status, "AuthorizationCheckFailed", "no");
        assertThat(FailureClassifier.classify(failure)).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(FailureClassifier.classify(failure).action()).isEqualTo(FailureClass.Action.PAUSE);
        assertThat(FailureClassifier.isTransient(failure)).isFalse();
    }

    @Test
    void anEntityDabDoesNotExposeIsConfiguration() {
        assertThat(FailureClassifier.classify(new DabException(404, "EntityNotFound", "Invalid Path for route")))
                .isEqualTo(FailureClass.CONFIGURATION);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 412})
    void otherClientErrorsAreInvalidRequestsAndNotRetried(int status) {
        DabException failure = new DabException(status, "BadRequest", "no");
        assertThat(FailureClassifier.isTransient(failure)).isFalse();
        assertThat(FailureClassifier.classify(failure)).isEqualTo(FailureClass.INVALID_REQUEST);
    }

    @Test
    void timeoutsAndConnectionFailuresAreTransient() {
        assertThat(FailureClassifier.isTransient(new TimeoutException("5 s"))).isTrue();
        assertThat(FailureClassifier.isTransient(new ProcessingException(new ConnectException("refused")))).isTrue();
        assertThat(FailureClassifier.classify(new ProcessingException(new ConnectException("refused"))))
                .isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aDabAnswerDecidesEvenWhenWrapped() {
        assertThat(FailureClassifier.isTransient(new ProcessingException(new DabException(400, "BadRequest", "no")))).isFalse();
        assertThat(FailureClassifier.isTransient(new RuntimeException(new DabException(503, "UnexpectedError", "down")))).isTrue();
        assertThat(FailureClassifier.detail(new RuntimeException(new DabException(403, "AuthorizationCheckFailed", "no"))))
                .isEqualTo("DabException: Data API Builder answered 403 AuthorizationCheckFailed: no");
    }

    @Test
    void bugsAreNotRetriedInProcessButGoTheLongWayRound() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(FailureClassifier.classify(new IllegalStateException("bug"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(new FailureClassifier.Transient().test(new DabException(500, "DatabaseOperationFailed", "x"))).isTrue();
    }
}
