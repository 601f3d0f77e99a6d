package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.identity.CredentialUnavailableException;
import com.azure.storage.blob.models.BlobStorageException;
import com.catalogimage.contracts.FailureClass;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class StorageFailuresTest {

    @Test
    void invalidImagesAreTheirOwnClass() {
        assertThat(StorageFailures.classify(new InvalidImageException("declared image/png but bytes are JPEG")))
                .isEqualTo(FailureClass.INVALID_IMAGE);
    }

    @Test
    void anIdentityThatGetsNoTokenIsAConfigurationErrorNotAnImageFailure() {
        // What azure-identity throws when no credential of the chain is available, and when Entra ID refuses one.
        assertThat(StorageFailures.classify(new CompletionException(
                new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."))))
                .isEqualTo(FailureClass.CONFIGURATION);
        assertThat(StorageFailures.classify(new ClientAuthenticationException("AADSTS700016: application not found",
                null))).isEqualTo(FailureClass.CONFIGURATION);
    }

    @Test
    void serverErrorsTimeoutsAndIoAreTransient() {
        assertThat(StorageFailures.classify(storage(503))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(StorageFailures.classify(storage(500))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(StorageFailures.classify(storage(408))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(StorageFailures.classify(new TimeoutException("15 s"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(StorageFailures.classify(new RuntimeException(new UncheckedIOException(new ConnectException("refused")))))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(StorageFailures.classify(new CompletionException(
                new org.apache.kafka.common.errors.TimeoutException("metadata")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(new StorageFailures.Transient().test(storage(502))).isTrue();
    }

    @Test
    void throttlingIsItsOwnClassAndRetriedInProcess() {
        assertThat(StorageFailures.classify(storage(429))).isEqualTo(FailureClass.THROTTLED);
        assertThat(new StorageFailures.Transient().test(storage(429))).isTrue();
    }

    @Test
    void credentialsRolesAndAMissingContainerAreConfiguration() {
        assertThat(StorageFailures.classify(storage(401))).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(StorageFailures.classify(storage(403))).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(StorageFailures.classify(new RuntimeException(storage(404)))).isEqualTo(FailureClass.CONFIGURATION);
        assertThat(StorageFailures.classify(storage(403)).action()).isEqualTo(FailureClass.Action.PAUSE);
        assertThat(new StorageFailures.Transient().test(storage(403))).isFalse();
    }

    @Test
    void otherRefusalsAreInvalidRequests() {
        assertThat(StorageFailures.classify(storage(400))).isEqualTo(FailureClass.INVALID_REQUEST);
        assertThat(StorageFailures.classify(storage(413))).isEqualTo(FailureClass.INVALID_REQUEST);
        assertThat(new StorageFailures.Transient().test(storage(400))).isFalse();
    }

    @Test
    void theUnforeseenGoesTheLongWayRound() {
        assertThat(StorageFailures.classify(new NullPointerException())).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void theDetailIsTheFirstLineOfTheError() {
        assertThat(StorageFailures.detail(new IllegalStateException("line one\nline two")))
                .isEqualTo("IllegalStateException: line one");
    }

    private static BlobStorageException storage(int status) {
        HttpRequest request = new HttpRequest(HttpMethod.PUT, "http://127.0.0.1/devstoreaccount1/products/x.png");
        HttpResponse response = new HttpResponse(request) {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public String getHeaderValue(String name) {
                return null;
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.empty();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString(Charset charset) {
                return Mono.empty();
            }
        };
        return new BlobStorageException("status " + status, response, null);
    }
}
