package com.catalogimage.uploader.messaging;

import static com.catalogimage.localstack.testing.TopicRecords.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.PublicAccessType;
import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.azurite.Azurite;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.uploader.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The failure table as the uploader lives it, over the real broker and Azurite: poison, a missing container (pause,
 * resume), storage down for a moment (retried, stored) and for good (RETRIES_EXHAUSTED with the image).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class UploadFailuresTest {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100 + 50);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    BlobContainerClient container;

    @Inject
    MeterRegistry metrics;

    @Test
    void anUnreadableRecordIsDeadLetteredAsPoisonAndTheNextRecordIsStored() {
        long id = IDS.incrementAndGet();
        send(String.valueOf(id), "{not json".getBytes(StandardCharsets.UTF_8));
        send(generated(id)); // same key, same partition, behind the poison

        ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> deadLetters(id), l -> !l.isEmpty()).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("blob-uploader");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        // SmallRye's own dead-letter producer (the delayed-retry strategy's) names where the record came from and why.
        assertThat(header(dead, "delayed-retry-topic")).isEqualTo(Topics.GENERATED_IMAGES);
        assertThat(header(dead, "delayed-retry-reason")).startsWith("not a record of generated-images");

        List<ProductStatus> statuses = await().atMost(PATIENCE).until(() -> statuses(id), l -> l.size() >= 2);
        assertThat(statuses.get(0).state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(statuses.get(0).reason()).isEqualTo(ReasonCode.POISON);
        assertThat(statuses.get(1).state()).isEqualTo(State.STORED);
    }

    @Test
    void aMissingContainerPausesConsumingWithoutDeadLettersAndResumesWhenItIsBack() {
        long id = IDS.incrementAndGet();
        container.delete();
        try {
            send(generated(id));

            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Blob Storage' }.data.paused", is("CONFIGURATION"))
                    .body("checks.find { it.name == 'Blob Storage' }.data.error", is("Blob Storage answered 404 Not Found")));
            assertThat(given().get("/q/health/ready").then().extract().jsonPath().getMap("checks.find { it.name == 'Blob Storage' }").toString())
                    .as("no URL, host or storage error text in readiness")
                    .doesNotContainPattern("(?i)https?://|127\\.0\\.0\\.1|localhost|Exception|<\\?xml|sig=").doesNotContain("ContainerNotFound");
            assertThat(metrics.get("uploader.paused").gauge().value()).isEqualTo(1.0);
            assertThat(deadLetters(id)).isEmpty();
            assertThat(statuses(id)).as("held, not failed").isEmpty();
        } finally {
            container.createWithResponse(null, PublicAccessType.BLOB, null, null);
        }

        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), l -> !l.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(State.STORED);
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(metrics.get("uploader.paused").gauge().value()).isZero();
        assertThat(deadLetters(id)).isEmpty();
    }

    @Test
    void storageDownForAMomentIsRetriedAndTheImageStored() {
        long id = IDS.incrementAndGet();
        double retriedBefore = count("retried");
        Azurite azurite = AzuriteTestResource.azurite();
        azurite.stop();
        try {
            send(generated(id));
            await().atMost(PATIENCE).until(() -> count("retried") > retriedBefore);
        } finally {
            restart(azurite);
        }

        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), l -> !l.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(State.STORED);
        assertThat(deadLetters(id)).isEmpty();
    }

    @Test
    void storageDownForGoodEndsAsRetriesExhaustedWithTheImage() {
        long id = IDS.incrementAndGet();
        GeneratedImage generated = generated(id);
        Azurite azurite = AzuriteTestResource.azurite();
        azurite.stop();
        try {
            send(generated);

            ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> deadLetters(id), l -> !l.isEmpty()).get(0);
            assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED");
            assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("blob-uploader");
            assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("4");
            assertThat(header(dead, "delayed-retry-count")).isEqualTo("3");
            // With the delayed-retry strategy SmallRye names the cause headers delayed-retry-*.
            assertThat(header(dead, "delayed-retry-reason")).contains("ConnectException");
            GeneratedImage original = new GeneratedImageDeserializer().deserialize(Topics.DEAD_LETTERS, dead.value());
            assertThat(original.image()).isEqualTo(generated.image());
            assertThat(original.request().requestId()).isEqualTo(generated.request().requestId());

            ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), l -> !l.isEmpty()).get(0);
            assertThat(status.state()).isEqualTo(State.DEAD_LETTERED);
            assertThat(status.reason()).isEqualTo(ReasonCode.RETRIES_EXHAUSTED);
        } finally {
            restart(azurite);
        }
    }

    /** The in-memory Azurite comes back empty: the container is provisioned again, as an operator would. */
    private void restart(Azurite azurite) {
        azurite.startProcess();
        container.createIfNotExistsWithResponse(
                new com.azure.storage.blob.options.BlobContainerCreateOptions().setPublicAccessType(PublicAccessType.BLOB),
                null, null);
    }

    private double count(String outcome) {
        var counter = metrics.find("uploader.images").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static GeneratedImage generated(long id) {
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                new Product(id, "Garden Hose " + id, "A green garden hose.", 1, "Garden", null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        return new GeneratedImage(request, TestImages.png(256, 256, id), "image/png", "gpt-image-1-mini",
                "gpt-image-1-mini", "256x256", "low", new GeneratedImage.Usage(50, 272, 322), new BigDecimal("0.005"),
                null, Instant.now());
    }

    private static void send(GeneratedImage generated) {
        KafkaTestResource.topics().send(Topics.GENERATED_IMAGES, String.valueOf(generated.request().product().id()),
                generated);
    }

    private static void send(String key, byte[] value) {
        KafkaTestResource.topics().sendBytes(Topics.GENERATED_IMAGES, key, value);
    }

    private static List<ProductStatus> statuses(long id) {
        return KafkaTestResource.topics().values(Topics.IMAGE_STATUS, String.valueOf(id), new ProductStatusDeserializer());
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(long id) {
        return KafkaTestResource.topics().read(Topics.DEAD_LETTERS, String.valueOf(id), new ByteArrayDeserializer());
    }
}
