package com.catalogimage.uploader.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.uploader.client.BlobContainerClientFactory;
import com.catalogimage.uploader.client.TestStorage;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BlobStorageReadinessTest {

    @Test
    void isDownWhileTheContainerIsMissing() {
        HealthCheckResponse response = new BlobStorageReadiness(BlobContainerClientFactory.create(
                TestStorage.connectionString(AzuriteTestResource.azurite().connectionString(), "never-created")), notPaused()).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().extracting(data -> data.get("error")).isEqualTo("the container does not exist");
    }

    @Test
    void isDownWithTheErrorWhenStorageDoesNotAnswer() {
        // Port 9 (discard) on loopback: nothing listens there.
        String unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                + com.catalogimage.localstack.azurite.Azurite.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        HealthCheckResponse response = new BlobStorageReadiness(BlobContainerClientFactory.create(
                TestStorage.connectionString(unreachable, "products")), notPaused()).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().extracting(data -> data.get("error")).isEqualTo("Blob Storage did not answer");
        assertThat(response.getData().orElseThrow().toString()).doesNotContain("127.0.0.1").doesNotContain("Exception")
                .doesNotContain("http");
    }

    /** A pause that is not paused: nothing in these tests refuses a record. */
    private static ConsumptionPause notPaused() {
        return new ConsumptionPause(null, new ConsumptionPause.Spec("generated", "Blob Storage", "", () -> { }));
    }
}
