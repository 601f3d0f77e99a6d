package com.catalogimage.generator.client;

import static com.catalogimage.generator.client.ImageApiFailures.classify;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.CredentialUnavailableException;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.FailureClass.Action;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ImageApiFailuresTest {

    @Test
    void everyDocumentedContentFilterAnswerIsAPolicyRefusalThatIsDeadLetteredNotRetried() {
        assertThat(classify(400, "content_policy_violation", "ResponsibleAIPolicyViolation", "…safety system…"))
                .isEqualTo(FailureClass.POLICY);
        assertThat(classify(400, "contentFilter", null, "Your task failed as a result of our safety system."))
                .isEqualTo(FailureClass.POLICY);
        assertThat(classify(400, "moderation_blocked", null, "blocked")).isEqualTo(FailureClass.POLICY);
        assertThat(classify(400, "something_new", "ResponsibleAIPolicyViolation", null)).isEqualTo(FailureClass.POLICY);
        assertThat(FailureClass.POLICY.action()).isEqualTo(Action.DEAD_LETTER);
        assertThat(FailureClass.POLICY.deadLetterReason()).isEqualTo(DeadLetterReason.CONTENT_POLICY);
    }

    @Test
    void otherBadRequestsAreInvalidRequests() {
        assertThat(classify(400, "invalid_value", null, "Invalid value: '512x512'.")).isEqualTo(FailureClass.INVALID_REQUEST);
        assertThat(classify(400, "string_above_max_length", null, "string too long")).isEqualTo(FailureClass.INVALID_REQUEST);
        assertThat(FailureClass.INVALID_REQUEST.deadLetterReason()).isEqualTo(DeadLetterReason.INVALID_REQUEST);
    }

    @Test
    void wrongKeyOrMissingDeploymentHaltsInsteadOfDeadLettering() {
        assertThat(classify(401, "401", null, "Access denied due to invalid subscription key")).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(classify(404, "DeploymentNotFound", null, "The API deployment for this resource does not exist."))
                .isEqualTo(FailureClass.CONFIGURATION);
        assertThat(classify(403, "AuthorizationFailed", null, "The principal lacks the role")).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(FailureClass.CONFIGURATION.action()).isEqualTo(Action.PAUSE);
    }

    @Test
    void blockedResourceHalts() {
        assertThat(classify(403, "403", null, "Your resource has been temporarily blocked because we detected behavior "
                + "that may violate our content policy.")).isEqualTo(FailureClass.RESOURCE_BLOCKED);
        assertThat(FailureClass.RESOURCE_BLOCKED.action()).isEqualTo(Action.PAUSE);
    }

    @Test
    void throttlingServerErrorsAndTimeoutsAreRetriedThenRetriesExhausted() {
        assertThat(classify(429, "429", null, "Please retry after 9 seconds")).isEqualTo(FailureClass.THROTTLED);
        for (int status : new int[] {408, 500, 502, 503, 504}) {
            assertThat(classify(status, "InternalServerError", null, "oops")).isEqualTo(FailureClass.TRANSIENT);
        }
        assertThat(classify(new OpenAIIoException("reset", new IOException("Connection reset"))))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.TRANSIENT.action()).isEqualTo(Action.RETRY);
        assertThat(FailureClass.THROTTLED.action()).isEqualTo(Action.SLOW_DOWN);
        assertThat(FailureClass.TRANSIENT.deadLetterReason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
    }

    @Test
    void unreadableResponseIsAnInvalidImage() {
        assertThat(classify(new OpenAIInvalidDataException("bad json", null))).isEqualTo(FailureClass.INVALID_IMAGE);
        assertThat(FailureClass.INVALID_IMAGE.deadLetterReason()).isEqualTo(DeadLetterReason.INVALID_IMAGE);
    }

    @Test
    void anIdentityThatGetsNoTokenIsAConfigurationErrorThatHaltsRatherThanARawFailure() {
        assertThat(classify(new IllegalStateException("token supplier failed",
                new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token"))))
                .isEqualTo(FailureClass.CONFIGURATION);
        assertThat(classify(new ClientAuthenticationException("AADSTS7000215: invalid client secret", null)).action())
                .isEqualTo(Action.PAUSE);
    }
}
