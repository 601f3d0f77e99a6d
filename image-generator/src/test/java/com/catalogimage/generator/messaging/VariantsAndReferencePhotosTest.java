package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static com.catalogimage.localstack.testing.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageModels;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code IMAGE_VARIANTS=2} against the emulator: one call, two images, both paid for; and reference photos that are
 * refused before anything is paid (docs/decisions/0030). The generator's one test profile for issue 14.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(VariantsAndReferencePhotosTest.TwoVariants.class)
class VariantsAndReferencePhotosTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    public static class TwoVariants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("generator.variants", "2");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Test
    void twoVariantsAreOneCallWhoseImagesTravelTogetherAndAreAllPaidFor() {
        ImageRequest request = request(product("Enamel Camping Mug", "Blue enamel camping mug with a steel rim."));
        String key = send(request);

        GeneratedImage image = topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT)
                .get(0).value();
        assertThat(image.imageCount()).isEqualTo(2);
        assertThat(image.image()).startsWith(PNG_SIGNATURE);
        assertThat(image.variants()).singleElement().satisfies(variant -> assertThat(variant).startsWith(PNG_SIGNATURE));
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).as("one call with n=2").isEqualTo(1);
        // the usage covers both images; the cost is the usage at gpt-image-2's token prices
        BigDecimal cost = ImageModels.defaults().profile("gpt-image-2").orElseThrow().cost("low", "1024x1024", 2, false,
                image.usage().inputTokens(), 0L, image.usage().outputTokens()).orElseThrow();
        assertThat(image.costUsd()).isEqualByComparingTo(cost);
        BigDecimal oneImage = ImageModels.defaults().profile("gpt-image-2").orElseThrow().cost("low", "1024x1024", 1,
                false, image.usage().inputTokens(), 0L, image.usage().outputTokens() / 2).orElseThrow();
        assertThat(image.costUsd()).isGreaterThan(oneImage);
        // the verdict is the first image's, and the status carries the call's cost with it
        assertThat(image.verdict()).isNotNull();
        ProductStatus status = awaitStatus(key, State.GENERATED);
        assertThat(status.costUsd()).isEqualByComparingTo(cost.add(image.verdict().costUsd()));
    }

    @Test
    void aReferencePhotoAtTheMetadataAddressIsDeadLetteredAsAnInvalidRequestAndNothingIsPaid() {
        ImageRequest request = request(product("Oak Side Table", "Small oak side table with one drawer.")
                .withImageUrls(null, "http://169.254.169.254/latest/meta-data/iam/security-credentials/"));
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(header(dead, "delayed-retry-reason")).contains("reference photo refused: host 169.254.169.254:80 "
                + "is not in REFERENCE_PHOTO_HOSTS");
        assertThat(awaitStatus(key, State.DEAD_LETTERED).reason()).isEqualTo(ReasonCode.INVALID_REQUEST);
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isZero();
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void aFileUrlAsTheCurrentImageOfARestyleIsRefused() {
        ImageRequest request = request(product("Linen Cushion", "Square linen cushion, natural colour.")
                .withImageUrls("file:///etc/passwd", null)).withMode(ImageRequest.Mode.RESTYLE);
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(header(dead, "delayed-retry-reason")).contains("reference photo refused: only http and https");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isZero();
    }

    // --- helpers ---

    private static ImageRequest request(Product product) {
        return new ImageRequest(UUID.randomUUID().toString(), product, 1, null, ImageRequest.Origin.SCAN, Instant.now());
    }

    private static Product product(String name, String description) {
        return new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name, description, 7,
                "Home", null);
    }

    private static String send(ImageRequest request) {
        String key = String.valueOf(request.product().id());
        topics().send(Topics.IMAGE_REQUESTS, key, request);
        return key;
    }

    private static ConsumerRecord<String, ImageRequest> awaitDeadLetter(String key) {
        return topics().await(Topics.DEAD_LETTERS, key, new ImageRequestDeserializer(), 1, WAIT).get(0);
    }

    private static ProductStatus awaitStatus(String key, State state) {
        List<ConsumerRecord<String, ProductStatus>> statuses =
                topics().await(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer(), 1, WAIT);
        ProductStatus status = statuses.get(statuses.size() - 1).value();
        assertThat(status.state()).isEqualTo(state);
        return status;
    }
}
