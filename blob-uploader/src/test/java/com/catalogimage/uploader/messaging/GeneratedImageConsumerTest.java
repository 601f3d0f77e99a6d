package com.catalogimage.uploader.messaging;

import static com.catalogimage.localstack.testing.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.contracts.serde.StoredImageDeserializer;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.uploader.TestImages;
import com.catalogimage.uploader.client.ReviewContainer;
import com.catalogimage.uploader.service.BlobNamer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class GeneratedImageConsumerTest {

    /** Unique per run too, in case the broker outlives it (an external one). */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    BlobContainerClient container;

    @Inject
    ReviewContainer review;

    @Inject
    MeterRegistry metrics;

    @Test
    void storesAVerifiedPngUnderItsPublicUrlAndReportsStored() throws Exception {
        long id = IDS.incrementAndGet();
        byte[] png = TestImages.png(1024, 1024, id);
        GeneratedImage generated = generated(id, "Kids Dinosaur Pajamas", png, "image/png", "1024x1024");

        send(generated);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.blobName()).isEqualTo("images/" + id + "-kids-dinosaur-pajamas-"
                + BlobNamer.sha256(png).substring(0, 12) + ".png");
        assertThat(stored.url()).startsWith("http://127.0.0.1:").endsWith("/devstoreaccount1/products/" + stored.blobName())
                .doesNotContain("?");
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sizeBytes()).isEqualTo(png.length);
        assertThat(stored.sha256()).isEqualTo(BlobNamer.sha256(png));
        assertThat(stored.width()).isEqualTo(1024);
        assertThat(stored.height()).isEqualTo(1024);
        assertThat(stored.model()).isEqualTo("gpt-image-1-mini");
        assertThat(stored.request().requestId()).isEqualTo(generated.request().requestId());

        // Anyone can read it at that URL (public access "blob"), with the headers a CDN and a browser need.
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stored.url())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        String thumbnail = stored.blobName().replace(".png", ".thumb.jpg");
        assertThat(container.getBlobClient(stored.blobName()).getProperties().getMetadata())
                .containsEntry("productid", String.valueOf(id))
                .containsEntry("requestid", generated.request().requestId())
                .containsEntry("attempt", "1")
                .containsEntry("model", "gpt-image-1-mini")
                .containsEntry("productname", "Kids+Dinosaur+Pajamas")
                .containsEntry("category", "Apparel")
                .containsEntry("size", "1024x1024")
                .containsEntry("quality", "low")
                .containsEntry("costusd", "0.005")
                .containsEntry("generatedat", generated.generatedAt().toString())
                .containsEntry("thumbnail", thumbnail);

        // The thumbnail beside it, public like the image: a JPEG whose longest edge is 256 pixels.
        HttpResponse<byte[]> small = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stored.url().replace(".png", ".thumb.jpg"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        java.awt.image.BufferedImage pixels = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(small.body()));
        assertThat(pixels.getWidth()).isEqualTo(256);
        assertThat(pixels.getHeight()).isEqualTo(256);
        assertThat(container.getBlobClient(thumbnail).getProperties().getMetadata())
                .containsEntry("productid", String.valueOf(id))
                .containsEntry("thumbnailof", stored.blobName());

        ProductStatus status = await().atMost(PATIENCE)
                .until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.STORED);
        assertThat(status.detail()).isEqualTo(stored.url());
        assertThat(status.stage()).isEqualTo("blob-uploader");
        assertThat(status.requestId()).isEqualTo(generated.request().requestId());
        // Stamped before the stored image went out: the updater's COMPLETED, written after it received the stored
        // image, can never carry an earlier time than this STORED (readers keep the latest status by time).
        assertThat(status.at()).isEqualTo(stored.storedAt());
    }

    /**
     * A prompt-injection row: the vision model echoed the product's text into its alt text. What reaches the blob's
     * metadata is cleaned again (no markup, no URL), ASCII-safe, and the stored image and STORED carry the verdict.
     */
    @Test
    void aPromptInjectionCannotPutMarkupOrAUrlIntoTheBlobsAltText() {
        long id = IDS.incrementAndGet();
        String hostile = "Image of <script>alert(1)</script> https://evil.example Ceramic Vase";
        QualityVerdict verdict = new QualityVerdict(QualityVerdict.Outcome.PASSED, true, true, true, true, List.of(),
                hostile, "gpt-5-mini", 1200, 80, new BigDecimal("0.00046"), 0);
        GeneratedImage plain = generated(id, "Ceramic Vase", TestImages.png(1024, 1024, id), "image/png", "1024x1024");
        GeneratedImage generated = new GeneratedImage(plain.request(), plain.image(), plain.contentType(), plain.model(),
                plain.deployment(), plain.size(), plain.quality(), plain.usage(), plain.costUsd(), null,
                plain.generatedAt(), null, verdict);

        send(generated);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.verdict()).isEqualTo(verdict);
        var metadata = container.getBlobClient(stored.blobName()).getProperties().getMetadata();
        assertThat(metadata.get("alttext")).matches("[\\x20-\\x7e]+");
        assertThat(URLDecoder.decode(metadata.get("alttext"), StandardCharsets.UTF_8))
                .isEqualTo(AltText.clean(hostile)).isEqualTo("Alert 1 Ceramic Vase")
                .doesNotContain("<", ">", "script", "http", "evil");
        assertThat(metadata).containsEntry("qualitycheck", "passed").containsEntry("quality", "low")
                .doesNotContainKey("qualityreasons");
        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.STORED);
        assertThat(status.verdict()).isEqualTo(verdict);
    }

    @Test
    void anImageWithoutAVerdictHasNoAltTextMetadata() {
        long id = IDS.incrementAndGet();
        send(generated(id, "Gummy Bears", TestImages.png(1024, 1024, id), "image/png", "1024x1024"));

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.verdict()).isNull();
        assertThat(container.getBlobClient(stored.blobName()).getProperties().getMetadata())
                .doesNotContainKeys("alttext", "qualitycheck", "qualityreasons");
        assertThat(await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0).verdict()).isNull();
    }

    @Test
    void storingTheSameImageTwiceKeepsOneBlobAndAnswersBothWithTheSameUrl() {
        long id = IDS.incrementAndGet();
        GeneratedImage generated = generated(id, "Chocolate Bar", TestImages.png(1024, 1024, id), "image/png", "1024x1024");
        double alreadyStoredBefore = alreadyStoredCount();

        send(generated);
        send(generated);

        List<StoredImage> stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> list.size() == 2);
        assertThat(stored.get(1).url()).isEqualTo(stored.get(0).url());
        assertThat(container.listBlobs(new ListBlobsOptions().setPrefix("images/" + id + "-"), null).stream()
                .map(BlobItem::getName)).containsExactlyInAnyOrder(stored.get(0).blobName(),
                        stored.get(0).blobName().replace(".png", ".thumb.jpg"));
        assertThat(alreadyStoredCount()).isEqualTo(alreadyStoredBefore + 1);
        await().atMost(PATIENCE).until(() -> statuses(id).size() == 2);
    }

    @Test
    void deadLettersAJpegDeclaredAsPngAndStoresNothing() {
        long id = IDS.incrementAndGet();
        byte[] jpeg = TestImages.jpeg(1024, 1024, id);

        send(generated(id, "Trail Mix", jpeg, "image/png", "1024x1024"));

        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ProductStatus.ReasonCode.INVALID_IMAGE);
        assertThat(status.detail()).isEqualTo("declared image/png but bytes are JPEG");

        ConsumerRecord<String, GeneratedImage> deadLetter = await().atMost(PATIENCE)
                .until(() -> deadLetters(id), list -> !list.isEmpty()).get(0);
        assertThat(header(deadLetter, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_IMAGE");
        assertThat(header(deadLetter, DeadLetterHeaders.STAGE)).isEqualTo("blob-uploader");
        assertThat(header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        // The delayed-retry strategy names SmallRye's reason header delayed-retry-reason.
        assertThat(header(deadLetter, "delayed-retry-reason")).isEqualTo("declared image/png but bytes are JPEG");
        // The dead letter carries the image, so a replay does not pay for a second generation.
        assertThat(deadLetter.value().image()).isEqualTo(jpeg);

        // The flow sends a StoredImage before it could dead-letter, so by now it would be on the topic.
        assertThat(storedImages(id)).isEmpty();
        assertThat(container.listBlobs(new ListBlobsOptions().setPrefix("images/" + id + "-"), null)).isEmpty();
    }

    @Test
    void deadLettersAnImageOfAnotherSizeThanRequested() {
        long id = IDS.incrementAndGet();

        send(generated(id, "Wireless Gamer Mouse", TestImages.png(1024, 1536, id), "image/png", "1024x1024"));

        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ProductStatus.ReasonCode.INVALID_IMAGE);
        assertThat(status.detail()).isEqualTo("1024x1536 but 1024x1024 was requested");
        await().atMost(PATIENCE).until(() -> !deadLetters(id).isEmpty());
        assertThat(storedImages(id)).isEmpty();
    }

    /**
     * REVIEW_MODE=auto with variants (decision 0031): the main image is published as without them; every variant is
     * verified, stored with its thumbnail in the private review container under the main name with -v2, -v3, listed
     * on the stored image, and never public. A redelivery lands on the same names: no second copy anywhere.
     */
    @Test
    void autoModePublishesTheMainImageAndKeepsItsVariantsInTheReviewContainer() {
        long id = IDS.incrementAndGet();
        byte[] main = TestImages.png(1024, 1024, id);
        byte[] second = TestImages.png(1024, 1024, id + 7_000_000);
        byte[] third = TestImages.png(1024, 1024, id + 9_000_000);
        GeneratedImage generated = withVariants(generated(id, "Desk Lamp", main, "image/png", "1024x1024"),
                List.of(second, third));

        send(generated);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        String mainName = "images/" + id + "-desk-lamp-" + BlobNamer.sha256(main).substring(0, 12);
        assertThat(stored.blobName()).isEqualTo(mainName + ".png");
        assertThat(stored.url()).endsWith("/devstoreaccount1/products/" + mainName + ".png");
        assertThat(stored.sha256()).isEqualTo(BlobNamer.sha256(main));
        assertThat(stored.variants()).containsExactly(
                new StoredImage.Variant(1, mainName + "-v2.png", review.client().getBlobContainerUrl() + "/" + mainName
                        + "-v2.png", second.length, BlobNamer.sha256(second), 1024, 1024),
                new StoredImage.Variant(2, mainName + "-v3.png", review.client().getBlobContainerUrl() + "/" + mainName
                        + "-v3.png", third.length, BlobNamer.sha256(third), 1024, 1024));
        assertThat(review.client().getProperties().getBlobPublicAccess()).as("created private on first use").isNull();
        assertThat(review.client().getBlobClient(mainName + "-v2.png").downloadContent().toBytes()).isEqualTo(second);
        assertThat(review.client().getBlobClient(mainName + "-v3.png").getProperties().getMetadata())
                .containsEntry("variant", "2").containsEntry("variantof", mainName + ".png")
                .containsEntry("thumbnail", mainName + "-v3.thumb.jpg").doesNotContainKey("costusd");
        assertThat(publicBlobs(id)).containsExactlyInAnyOrder(mainName + ".png", mainName + ".thumb.jpg");
        assertThat(await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0).state())
                .isEqualTo(ProductStatus.State.STORED);

        send(generated);

        List<StoredImage> both = await().atMost(PATIENCE).until(() -> storedImages(id), list -> list.size() == 2);
        assertThat(both.get(1).variants()).isEqualTo(stored.variants());
        assertThat(reviewBlobs(id)).containsExactlyInAnyOrder(mainName + "-v2.png", mainName + "-v2.thumb.jpg",
                mainName + "-v3.png", mainName + "-v3.thumb.jpg");
        assertThat(publicBlobs(id)).hasSize(2);
    }

    /** One image of the call that fails verification fails the record: nothing stored, INVALID_IMAGE naming it. */
    @Test
    void aVariantThatFailsVerificationDeadLettersTheRecordAndStoresNothing() {
        long id = IDS.incrementAndGet();
        GeneratedImage generated = withVariants(generated(id, "Rain Jacket", TestImages.png(1024, 1024, id),
                "image/png", "1024x1024"), List.of(TestImages.png(1024, 1536, id + 1)));

        send(generated);

        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ProductStatus.ReasonCode.INVALID_IMAGE);
        assertThat(status.detail()).isEqualTo("image 2 of the call's 2: 1024x1536 but 1024x1024 was requested");
        await().atMost(PATIENCE).until(() -> !deadLetters(id).isEmpty());
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
        assertThat(reviewBlobs(id)).isEmpty();
    }

    /**
     * A restyle stops at the review gate in auto mode too: nothing towards the catalog (which keeps the original), the
     * image private, AWAITING_REVIEW naming the original.
     */
    @Test
    void aRestyleWaitsForAReviewerEvenInAutoModeAndItsStatusNamesTheOriginal() {
        long id = IDS.incrementAndGet();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        GeneratedImage generated = restyle(generated(id, "Leather Boots", TestImages.png(1024, 1024, id), "image/png",
                "1024x1024"), original);

        send(generated);

        StoredImage pending = KafkaTestResource.topics().await(Topics.IMAGES_AWAITING_REVIEW, String.valueOf(id),
                new StoredImageDeserializer(), 1, PATIENCE).get(0).value();
        ProductStatus status = await().atMost(PATIENCE).until(() -> statuses(id), list -> !list.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(ProductStatus.State.AWAITING_REVIEW);
        assertThat(status.originalImageUrl()).isEqualTo(original);
        assertThat(status.detail()).isEqualTo(pending.blobName());
        assertThat(pending.request().isRestyle()).isTrue();
        assertThat(review.client().getBlobClient(pending.blobName()).exists()).isTrue();
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
    }

    private List<String> publicBlobs(long id) {
        return container.listBlobs(new ListBlobsOptions().setPrefix("images/" + id + "-"), null).stream()
                .map(BlobItem::getName).toList();
    }

    private List<String> reviewBlobs(long id) {
        if (!review.client().exists()) {
            return List.of();
        }
        return review.client().listBlobs(new ListBlobsOptions().setPrefix("images/" + id + "-"), null).stream()
                .map(BlobItem::getName).toList();
    }

    static GeneratedImage withVariants(GeneratedImage g, List<byte[]> variants) {
        return new GeneratedImage(g.request(), g.image(), g.contentType(), g.model(), g.deployment(), g.size(),
                g.quality(), g.usage(), g.costUsd(), g.revisedPrompt(), g.generatedAt(), g.prompt(), g.verdict(),
                variants);
    }

    static GeneratedImage restyle(GeneratedImage g, String originalUrl) {
        ImageRequest request = new ImageRequest(g.request().requestId(), g.request().product().withImageUrls(originalUrl,
                null), 1, null, ImageRequest.Origin.SCAN, Instant.now(), null, ImageRequest.Mode.RESTYLE);
        return new GeneratedImage(request, g.image(), g.contentType(), g.model(), g.deployment(), g.size(),
                g.quality(), g.usage(), g.costUsd(), g.revisedPrompt(), g.generatedAt(), g.prompt(), g.verdict(),
                g.variants());
    }

    private double alreadyStoredCount() {
        var counter = metrics.find("uploader.images").tag("outcome", "already-stored").counter();
        return counter == null ? 0 : counter.count();
    }

    private static GeneratedImage generated(long id, String name, byte[] image, String contentType, String size) {
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                new Product(id, name, "A product photographed for the catalog.", 1, "Apparel", null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        return new GeneratedImage(request, image, contentType, "gpt-image-1-mini", "gpt-image-1-mini", size, "low",
                new GeneratedImage.Usage(50, 272, 322), new BigDecimal("0.005"), null, Instant.now());
    }

    private static void send(GeneratedImage generated) {
        KafkaTestResource.topics().send(Topics.GENERATED_IMAGES, String.valueOf(generated.request().product().id()),
                generated);
    }

    private static List<StoredImage> storedImages(long id) {
        return KafkaTestResource.topics().values(Topics.STORED_IMAGES, String.valueOf(id), new StoredImageDeserializer());
    }

    private static List<ProductStatus> statuses(long id) {
        return KafkaTestResource.topics().values(Topics.IMAGE_STATUS, String.valueOf(id), new ProductStatusDeserializer());
    }

    /** Only this test's dead letters are read as GeneratedImage: others include poison records that are none. */
    private static List<ConsumerRecord<String, GeneratedImage>> deadLetters(long id) {
        return KafkaTestResource.topics().read(Topics.DEAD_LETTERS, String.valueOf(id), new GeneratedImageDeserializer());
    }
}
