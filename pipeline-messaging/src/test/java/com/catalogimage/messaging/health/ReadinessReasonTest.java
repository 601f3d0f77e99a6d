package com.catalogimage.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.FailureClass;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What readiness may say: a dependency, a status and its phrase, or a fixed sentence; nothing of the error text. */
class ReadinessReasonTest {

    /** What must never reach a readiness answer. */
    static void assertSafe(String reason) {
        assertThat(reason).doesNotContainPattern("(?i)https?://|\\b\\w+\\.(?:net|com|windows)\\b|127\\.0\\.0\\.1|localhost"
                + "|Exception|<\\?xml|<Error|SELECT|sig=|Bearer|\\$\\d");
    }

    @Test
    void theStatusIsFoundInEachClientsWording() {
        assertThat(ReadinessReason.status("Status code 403, \"<?xml version=\"1.0\"?><Error><Code>AuthorizationFailure"))
                .contains(403);
        assertThat(ReadinessReason.status("DabException: Data API Builder answered 403 AuthorizationCheckFailed: ..."))
                .contains(403);
        assertThat(ReadinessReason.status("Received: 'Service Unavailable, status code 503' when invoking")).contains(503);
        assertThat(ReadinessReason.status("HTTP 401 Unauthorized")).contains(401);
        assertThat(ReadinessReason.status("CONFIGURATION: DeploymentNotFound 404: {\"error\":{}}")).contains(404);
        assertThat(ReadinessReason.status("Connection refused: localhost/127.0.0.1:5000")).isEmpty();
        assertThat(ReadinessReason.status("product 4031 of 12000")).isEmpty();
        assertThat(ReadinessReason.status(null)).isEmpty();
    }

    @Test
    void aPausedStageSaysTheStatusOrWhatItsClassMeans() {
        String blob = ReadinessReason.paused("Blob Storage", FailureClass.CONFIGURATION,
                "Status code 403, \"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationFailure</Code>"
                        + "<Message>https://acct.blob.core.windows.net/products?sv=2024&sig=SECRET</Message></Error>\"");
        assertThat(blob).isEqualTo("Blob Storage answered 403 Forbidden");
        String dab = ReadinessReason.paused("Data API Builder", FailureClass.CONFIGURATION,
                "DabException: Data API Builder answered 401 : SELECT * FROM dbo.Products WHERE Id = 1");
        assertThat(dab).isEqualTo("Data API Builder answered 401 Unauthorized");
        assertThat(ReadinessReason.paused("the image API", FailureClass.RESOURCE_BLOCKED, "blocked, see https://x"))
                .isEqualTo("the image API has blocked the resource");
        assertThat(ReadinessReason.paused("the image API", FailureClass.CONFIGURATION,
                "CONFIGURATION: com.azure.identity.CredentialUnavailableException: ManagedIdentityCredential at http://169.254.169.254"))
                .isEqualTo("no token for the image API: azure-identity found no usable identity or was refused");
        assertThat(ReadinessReason.paused("Data API Builder", FailureClass.CONFIGURATION, "something at dab.example.com"))
                .isEqualTo("Data API Builder refuses our configuration or credentials");
        assertThat(ReadinessReason.answered("X", 418)).isEqualTo("X answered 418");
        for (String reason : new String[] {blob, dab}) {
            assertSafe(reason);
        }
    }

    @Test
    void aFailedProbeSaysTheStatusThatItDidNotAnswerOrThatItFailed() {
        RuntimeException wrapped = new RuntimeException("wrapper at https://dab.internal:5000/api/Products",
                new IllegalStateException("Received: 'Forbidden, status code 403' when invoking DabQueryClient#products"));
        assertThat(ReadinessReason.probeFailed("Data API Builder", wrapped)).isEqualTo("Data API Builder answered 403 Forbidden");
        String refused = ReadinessReason.probeFailed("Data API Builder", new UncheckedIOException(
                new ConnectException("Connection refused: dab/10.0.0.5:5000")));
        assertThat(refused).isEqualTo("Data API Builder did not answer");
        assertThat(ReadinessReason.probeFailed("Blob Storage", new RuntimeException(new TimeoutException("after 5 s"))))
                .isEqualTo("Blob Storage did not answer");
        String failed = ReadinessReason.probeFailed("Blob Storage", new IllegalArgumentException("Invalid connection string"
                + " AccountKey=abc"));
        assertThat(failed).isEqualTo("Blob Storage check failed");
        for (String reason : new String[] {refused, failed}) {
            assertSafe(reason);
        }
    }
}
