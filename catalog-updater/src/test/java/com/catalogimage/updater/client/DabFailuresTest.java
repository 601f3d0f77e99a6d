package com.catalogimage.updater.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.FailureClass;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DabFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 409, 408, 429})
    void serverErrorsConflictsAndThrottlingAreTransient(int status) {
        DabException failure = new DabException(status, "DatabaseOperationFailed", "busy");
        assertThat(DabFailures.isTransient(failure)).isTrue();
        assertThat(DabFailures.classify(failure)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aWrongTokenOrRoleIsConfiguration(int status) {
        DabException failure = new DabException(status, "AuthorizationCheckFailed", "no");
        assertThat(DabFailures.classify(failure)).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(DabFailures.classify(failure).action()).isEqualTo(FailureClass.Action.PAUSE);
        assertThat(DabFailures.isTransient(failure)).isFalse();
    }

    @Test
    void anEntityDabDoesNotExposeIsConfiguration() {
        assertThat(DabFailures.classify(new DabException(404, "EntityNotFound", "Invalid Path for route")))
                .isEqualTo(FailureClass.CONFIGURATION);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 412})
    void otherClientErrorsAreInvalidRequestsAndNotRetried(int status) {
        DabException failure = new DabException(status, "BadRequest", "no");
        assertThat(DabFailures.isTransient(failure)).isFalse();
        assertThat(DabFailures.classify(failure)).isEqualTo(FailureClass.INVALID_REQUEST);
    }

    @Test
    void noTokenFromAzureIdentityIsConfigurationNeverRetriedInProcess() {
        // The REST client wraps what the headers factory throws.
        RuntimeException wrapped = new ProcessingException(
                new com.azure.identity.CredentialUnavailableException("no managed identity"));
        assertThat(DabFailures.classify(wrapped)).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(DabFailures.isTransient(wrapped)).isFalse();
        assertThat(DabFailures.classify(new com.azure.core.exception.ClientAuthenticationException("refused", null)))
                .isEqualTo(FailureClass.CONFIGURATION);
    }

    @Test
    void timeoutsAndConnectionFailuresAreTransient() {
        assertThat(DabFailures.isTransient(new TimeoutException("5 s"))).isTrue();
        assertThat(DabFailures.isTransient(new ProcessingException(new ConnectException("refused")))).isTrue();
        assertThat(DabFailures.classify(new ProcessingException(new ConnectException("refused"))))
                .isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aDabAnswerDecidesEvenWhenWrapped() {
        assertThat(DabFailures.isTransient(new ProcessingException(new DabException(400, "BadRequest", "no")))).isFalse();
        assertThat(DabFailures.isTransient(new RuntimeException(new DabException(503, "UnexpectedError", "down")))).isTrue();
        assertThat(DabFailures.detail(new RuntimeException(new DabException(403, "AuthorizationCheckFailed", "no"))))
                .isEqualTo("DabException: Data API Builder answered 403 AuthorizationCheckFailed: no");
    }

    @Test
    void bugsAreNotRetriedInProcessButGoTheLongWayRound() {
        assertThat(DabFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(DabFailures.classify(new IllegalStateException("bug"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(new DabFailures.Transient().test(new DabException(500, "DatabaseOperationFailed", "x"))).isTrue();
    }
}
