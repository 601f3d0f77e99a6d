package com.catalogimage.uploader.review;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.uploader.TestImages;
import com.catalogimage.uploader.client.BlobContainerClientFactory;
import com.catalogimage.uploader.client.TestStorage;
import com.catalogimage.uploader.service.BlobNamer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What an uploader in manual mode left behind before it stopped, written before this test's uploader starts: an
 * image and its thumbnail in the private review container, the pending image on images-awaiting-review, its
 * AWAITING_REVIEW status, and a reviewer's approval nobody has consumed yet. The uploader that starts now has only
 * Kafka and storage to go on: the restart the gate must survive.
 */
public class PreviousRunResource implements QuarkusTestResourceLifecycleManager {

    static final long PRODUCT_ID = System.currentTimeMillis() % 1_000_000_000L * 100 + 99;
    static final byte[] PNG = TestImages.png(1024, 1024, PRODUCT_ID);
    static final String BLOB_NAME = "images/" + PRODUCT_ID + "-rain-boots-" + BlobNamer.sha256(PNG).substring(0, 12) + ".png";

    @Override
    public Map<String, String> start() {
        BlobContainerClient review = BlobContainerClientFactory.create(TestStorage.connectionString(
                AzuriteTestResource.azurite().connectionString(), ManualReview.REVIEW_CONTAINER));
        review.createIfNotExists(); // private, as the uploader creates it
        upload(review, BlobNamer.thumbnailName(BLOB_NAME), TestImages.jpeg(256, 256, PRODUCT_ID), "image/jpeg");
        upload(review, BLOB_NAME, PNG, "image/png");

        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                new Product(PRODUCT_ID, "Rain Boots", "Yellow rain boots.", 1, "Footwear", null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        String key = String.valueOf(PRODUCT_ID);
        StoredImage pending = new StoredImage(request, BLOB_NAME, review.getBlobContainerUrl() + "/" + BLOB_NAME,
                "image/png", PNG.length, BlobNamer.sha256(PNG), 1024, 1024, "gpt-image-1-mini", Instant.now());
        var topics = KafkaTestResource.topics();
        topics.send(Topics.IMAGES_AWAITING_REVIEW, key, pending);
        topics.send(Topics.IMAGE_STATUS, key, ProductStatus.of(request, ProductStatus.State.AWAITING_REVIEW, BLOB_NAME,
                "blob-uploader"));
        topics.send(Topics.REVIEW_DECISIONS, key, new ReviewDecision(UUID.randomUUID().toString(), PRODUCT_ID, pending,
                ReviewDecision.Verdict.APPROVE, null, null, "operator", Instant.now()));
        return Map.of();
    }

    private static void upload(BlobContainerClient container, String name, byte[] bytes, String contentType) {
        container.getBlobClient(name).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                .setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, null);
    }

    @Override
    public void stop() {
    }
}
