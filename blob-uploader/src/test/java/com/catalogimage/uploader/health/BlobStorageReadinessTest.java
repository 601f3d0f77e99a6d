package com.catalogimage.uploader.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.options.BlobContainerCreateOptions;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.uploader.client.StorageProbe;
import com.catalogimage.uploader.messaging.ReviewChannel;
import java.util.Map;
import com.catalogimage.uploader.client.BlobContainerClientFactory;
import com.catalogimage.uploader.client.TestStorage;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BlobStorageReadinessTest {

    @Test
    void isDownWhileTheContainerIsMissing() {
        HealthCheckResponse response = readiness(BlobContainerClientFactory.create(
                TestStorage.connectionString(AzuriteTestResource.azurite().connectionString(), "never-created")), null).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().extracting(data -> data.get("error")).isEqualTo("the container does not exist");
    }

    @Test
    void isDownWithTheErrorWhenStorageDoesNotAnswer() {
        // Port 9 (discard) on loopback: nothing listens there.
        String unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                + com.catalogimage.localstack.azurite.Azurite.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        HealthCheckResponse response = readiness(BlobContainerClientFactory.create(
                TestStorage.connectionString(unreachable, "products")), null).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().extracting(data -> data.get("error")).isEqualTo("Blob Storage did not answer");
        assertThat(response.getData().orElseThrow().toString()).doesNotContain("127.0.0.1").doesNotContain("Exception")
                .doesNotContain("http");
    }

    @Test
    void isDownWhileTheReviewContainerAllowsAnonymousReads() {
        String azurite = AzuriteTestResource.azurite().connectionString();
        BlobContainerClient container = BlobContainerClientFactory.create(TestStorage.connectionString(azurite, "ready-public"));
        container.createIfNotExists();
        BlobContainerClient review = BlobContainerClientFactory.create(TestStorage.connectionString(azurite, "ready-review-public"));
        review.createIfNotExistsWithResponse(new BlobContainerCreateOptions().setPublicAccessType(PublicAccessType.BLOB),
                null, null);
        BlobContainerClient privateReview = BlobContainerClientFactory.create(
                TestStorage.connectionString(azurite, "ready-review-private"));
        privateReview.createIfNotExists();

        HealthCheckResponse refused = readiness(container, review).call();
        assertThat(refused.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(refused.getData().orElseThrow().get("error").toString())
                .contains("review container ready-review-public allows anonymous reads");
        assertThat(readiness(container, privateReview).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    /** Status topic read (nothing to read), nothing paused, the review container checked when given. */
    private static BlobStorageReadiness readiness(BlobContainerClient container, BlobContainerClient review) {
        return new BlobStorageReadiness(container, notPaused(), new ReviewChannel(notPaused(), null),
                new StatusMemory(Map::of), new StorageProbe(container, review));
    }

    /** A pause that is not paused: nothing in these tests refuses a record. */
    private static ConsumptionPause notPaused() {
        return new ConsumptionPause(null, new ConsumptionPause.Spec("generated", "Blob Storage", "", () -> { }));
    }
}
