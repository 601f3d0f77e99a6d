package com.catalogimage.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    static final ImageRequest REQUEST = new ImageRequest("req-42", new Product(42, "Kids Dinosaur Pajamas",
            "Set of kids pajamas with colorful dinosaur prints, neatly folded.", 1, "Clothing", "kids,sleepwear"),
            1, null, ImageRequest.Origin.SCAN, NOW);

    private final JsonSerializer<Object> serializer = new JsonSerializer<>();

    @Test
    void aLedgerEntryRoundTripsAndASecondPaymentAddsUp() {
        PaidGeneration first = PaidGeneration.paid(null, "req-42", 42, "gpt-image-1-mini", "images-eu",
                new BigDecimal("0.011"), Instant.parse("2026-11-23T23:59:59Z"));
        assertThat(first.day()).hasToString("2026-11-23");
        assertThat(roundTrip(first.asPublished(), new PaidGenerationDeserializer(), Topics.PAID_GENERATIONS))
                .isEqualTo(first.asPublished());

        PaidGeneration again = PaidGeneration.paid(first, "req-42", 42, "gpt-image-1-mini", "images-us",
                new BigDecimal("0.011"), Instant.parse("2026-11-24T00:00:05Z"));
        assertThat(again.images()).isEqualTo(2);
        assertThat(again.costUsd()).isEqualByComparingTo("0.022");
        assertThat(again.published()).isFalse();
    }

    @Test
    void imageRequestRoundTrips() {
        assertThat(roundTrip(REQUEST, new ImageRequestDeserializer(), Topics.IMAGE_REQUESTS)).isEqualTo(REQUEST);
    }

    @Test
    void aReplayedRequestKeepsItsTemplateOverrideAndAnOlderRecordReadsWithout() {
        ImageRequest replay = new ImageRequest("replay-3-17", REQUEST.product(), 2, null, ImageRequest.Origin.REPLAY, NOW,
                "A plain studio photo of {name}.");
        assertThat(roundTrip(replay, new ImageRequestDeserializer(), Topics.IMAGE_REQUESTS)).isEqualTo(replay);

        String older = """
                {"requestId":"r-1","product":{"id":1,"name":"Mug"},"attempt":1,"origin":"SCAN",
                 "requestedAt":"2026-11-23T10:15:30Z"}""";
        ImageRequest read = new ImageRequestDeserializer().deserialize(Topics.IMAGE_REQUESTS, older.getBytes(StandardCharsets.UTF_8));
        assertThat(read.templateOverride()).isNull();
        assertThat(read.requestId()).isEqualTo("r-1");
    }

    @Test
    void generatedImageRoundTripsWithItsBytes() {
        byte[] png = new byte[300_000];
        new Random(7).nextBytes(png);
        GeneratedImage image = new GeneratedImage(REQUEST, png, "image/png", "gpt-image-1-mini", "gpt-image-1-mini",
                "1024x1024", "low", new GeneratedImage.Usage(50, 272, 322), new BigDecimal("0.011"), null, NOW);

        GeneratedImage read = roundTrip(image, new GeneratedImageDeserializer(), Topics.GENERATED_IMAGES);

        assertThat(read.image()).isEqualTo(png);
        assertThat(read.request()).isEqualTo(REQUEST);
        assertThat(read.usage()).isEqualTo(image.usage());
        assertThat(read.costUsd()).isEqualByComparingTo("0.011");
        assertThat(read.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void storedImageRoundTrips() {
        StoredImage stored = new StoredImage(REQUEST, "products/42-kids-dinosaur-pajamas-0123456789ab.png",
                "http://127.0.0.1:10000/devstoreaccount1/products/42-kids-dinosaur-pajamas-0123456789ab.png",
                "image/png", 123_456, "0123456789ab".repeat(5) + "0123", 1024, 1024, "gpt-image-1-mini", NOW);
        assertThat(roundTrip(stored, new StoredImageDeserializer(), Topics.STORED_IMAGES)).isEqualTo(stored);
    }

    @Test
    void aGeneratedImageKeepsThePromptAsSentAndAnOlderRecordReadsWithout() {
        GeneratedImage image = new GeneratedImage(REQUEST, new byte[] {1, 2}, "image/png", "gpt-image-1-mini",
                "gpt-image-1-mini", "1024x1024", "low", null, new BigDecimal("0.011"), null, NOW, "A folded pajama set.");
        assertThat(roundTrip(image, new GeneratedImageDeserializer(), Topics.GENERATED_IMAGES).prompt())
                .isEqualTo("A folded pajama set.");
        String older = "{\"request\":{\"requestId\":\"r-1\"},\"image\":\"AQI=\",\"contentType\":\"image/png\"}";
        assertThat(new GeneratedImageDeserializer().deserialize(Topics.GENERATED_IMAGES,
                older.getBytes(StandardCharsets.UTF_8)).prompt()).isNull();
    }

    @Test
    void aReviewDecisionRoundTripsWithItsReviewerAndVerdict() {
        StoredImage pending = new StoredImage(REQUEST, "products/42-kids-dinosaur-pajamas-0123456789ab.png",
                "http://127.0.0.1:10000/devstoreaccount1/products-review/products/42-kids-dinosaur-pajamas-0123456789ab.png",
                "image/png", 123_456, "0123456789ab".repeat(5) + "0123", 1024, 1024, "gpt-image-1-mini", NOW);
        ReviewDecision decision = new ReviewDecision("d-1", 42, pending, ReviewDecision.Verdict.REGENERATE, "a logo on the pocket", "Kids pajamas, no logos.", "operator", NOW);
        assertThat(roundTrip(decision, new ReviewDecisionDeserializer(), Topics.REVIEW_DECISIONS)).isEqualTo(decision);
    }

    @Test
    void theReviewStatesAreReadable() {
        ProductStatus awaiting = ProductStatus.of(REQUEST, ProductStatus.State.AWAITING_REVIEW, "review/42.png", "blob-uploader");
        assertThat(roundTrip(awaiting, new ProductStatusDeserializer(), Topics.IMAGE_STATUS).state())
                .isEqualTo(ProductStatus.State.AWAITING_REVIEW);
        assertThat(ProductStatus.State.AWAITING_REVIEW.isFinal()).isFalse();
        ProductStatus rejected = ProductStatus.skipped(REQUEST, ProductStatus.ReasonCode.REJECTED_BY_REVIEWER, "too dark", "blob-uploader");
        assertThat(roundTrip(rejected, new ProductStatusDeserializer(), Topics.IMAGE_STATUS).reason())
                .isEqualTo(ProductStatus.ReasonCode.REJECTED_BY_REVIEWER);
    }

    @Test
    void productStatusRoundTripsWithItsReason() {
        ProductStatus status = ProductStatus.deadLettered(REQUEST, DeadLetterReason.CONTENT_POLICY, "safety system", "image-generator");
        ProductStatus read = roundTrip(status, new ProductStatusDeserializer(), Topics.IMAGE_STATUS);
        assertThat(read).isEqualTo(status);
        assertThat(read.reason()).isEqualTo(ProductStatus.ReasonCode.CONTENT_POLICY);
    }

    @Test
    void aRestyleWithVariantsKeepsItsModeUrlsImagesAndPickAndOlderRecordsReadWithout() {
        Product withPhotos = REQUEST.product().withImageUrls("https://cdn.supplier.example/42.jpg",
                "https://cdn.supplier.example/42-front.jpg");
        ImageRequest restyle = new ImageRequest("req-43", withPhotos, 1, null, ImageRequest.Origin.SCAN, NOW, null,
                ImageRequest.Mode.RESTYLE);
        ImageRequest readRequest = roundTrip(restyle, new ImageRequestDeserializer(), Topics.IMAGE_REQUESTS);
        assertThat(readRequest).isEqualTo(restyle);
        assertThat(readRequest.referencePhotoUrl()).isEqualTo("https://cdn.supplier.example/42.jpg");
        assertThat(restyle.withMode(ImageRequest.Mode.GENERATE).referencePhotoUrl())
                .isEqualTo("https://cdn.supplier.example/42-front.jpg");

        GeneratedImage three = new GeneratedImage(restyle, new byte[] {1}, "image/png", "gpt-image-2", "gpt-image-2",
                "1024x1024", "low", null, new BigDecimal("0.03"), null, NOW, "p", null,
                java.util.List.of(new byte[] {2}, new byte[] {3}));
        GeneratedImage readImage = roundTrip(three, new GeneratedImageDeserializer(), Topics.GENERATED_IMAGES);
        assertThat(readImage.imageCount()).isEqualTo(3);
        assertThat(readImage.variants()).containsExactly(new byte[] {2}, new byte[] {3});

        StoredImage stored = new StoredImage(restyle, "p/43.png", "http://review/p/43.png", "image/png", 10, "ab", 1024,
                1024, "gpt-image-2", NOW, null, java.util.List.of(
                        new StoredImage.Variant(1, "p/43-v2.png", "http://review/p/43-v2.png", 11, "cd", 1024, 1024)));
        ReviewDecision pick = new ReviewDecision("d-2", 43, stored, ReviewDecision.Verdict.APPROVE, null, null, "op", NOW,
                1);
        assertThat(roundTrip(pick, new ReviewDecisionDeserializer(), Topics.REVIEW_DECISIONS)).isEqualTo(pick);

        ProductStatus awaiting = ProductStatus.of(restyle, ProductStatus.State.AWAITING_REVIEW, "review", "blob-uploader");
        assertThat(awaiting.originalImageUrl()).isEqualTo("https://cdn.supplier.example/42.jpg");
        assertThat(roundTrip(awaiting.withVerdict(null), new ProductStatusDeserializer(), Topics.IMAGE_STATUS)
                .originalImageUrl()).isEqualTo("https://cdn.supplier.example/42.jpg");
        assertThat(ProductStatus.of(REQUEST, ProductStatus.State.STORED, "s", "u").originalImageUrl()).isNull();

        String older = """
                {"decisionId":"d-1","productId":42,"verdict":"APPROVE","reviewer":"op","at":"2026-11-23T10:15:30Z",
                 "image":{"blobName":"p/42.png","request":{"requestId":"r-1","product":{"id":42,"name":"Mug"}}}}""";
        ReviewDecision olderDecision = new ReviewDecisionDeserializer().deserialize(Topics.REVIEW_DECISIONS,
                older.getBytes(StandardCharsets.UTF_8));
        assertThat(olderDecision.variant()).isZero();
        assertThat(olderDecision.image().variantsOrEmpty()).isEmpty();
        assertThat(olderDecision.image().request().isRestyle()).isFalse();
        assertThat(olderDecision.image().request().referencePhotoUrl()).isNull();
    }

    @Test
    void aNewerProducersUnknownFieldsAndStatesAreTolerated() {
        String newer = """
                {"productId":7,"requestId":"r-7","state":"ARCHIVED","reason":"SOME_NEW_REASON",
                 "stage":"future-stage","at":"2026-11-23T10:15:30Z","priority":"high","extra":{"nested":[1,2]}}""";

        ProductStatus read = new ProductStatusDeserializer().deserialize(Topics.IMAGE_STATUS, newer.getBytes(StandardCharsets.UTF_8));

        assertThat(read.productId()).isEqualTo(7);
        assertThat(read.state()).isEqualTo(ProductStatus.State.UNKNOWN);
        assertThat(read.reason()).isEqualTo(ProductStatus.ReasonCode.UNKNOWN);
    }

    @Test
    void aMalformedRecordFailsNamingTheTopicAndType() {
        byte[] garbage = "{\"requestId\": \"r-1\", \"product\": ".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ImageRequestDeserializer().deserialize(Topics.IMAGE_REQUESTS, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("image-requests")
                .hasMessageContaining("ImageRequest");
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(serializer.serialize(Topics.IMAGE_STATUS, null)).isNull();
        assertThat(new ProductStatusDeserializer().deserialize(Topics.IMAGE_STATUS, null)).isNull();
    }

    private <T> T roundTrip(T value, JsonDeserializer<T> deserializer, String topic) {
        return deserializer.deserialize(topic, serializer.serialize(topic, value));
    }
}
