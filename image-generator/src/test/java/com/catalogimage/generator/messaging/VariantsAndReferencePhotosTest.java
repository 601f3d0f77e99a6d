package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static com.catalogimage.localstack.testing.TopicRecords.header;
import static com.catalogimage.generator.messaging.QualityFlow.awaitDeadLetter;
import static com.catalogimage.generator.messaging.QualityFlow.awaitImage;
import static com.catalogimage.generator.messaging.QualityFlow.awaitStatus;
import static com.catalogimage.generator.messaging.QualityFlow.send;
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
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.imageapi.ImageApiStats;
import com.catalogimage.localstack.supplier.SupplierPhotos;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code IMAGE_VARIANTS=2} against the emulator: one call, two images, both paid for; reference photos and restyles
 * through {@code /images/edits} with the photo from the local supplier CDN; photos refused before anything is paid
 * (docs/decisions/0030). The generator's one test profile for issue 14.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(VariantsAndReferencePhotosTest.TwoVariants.class)
class VariantsAndReferencePhotosTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    public static class TwoVariants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("generator.variants", "2");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();
    /** The local supplier CDN on loopback (the test profile allows 127.0.0.1 on any port, private addresses on). */
    private static SupplierPhotos supplier;

    @BeforeAll
    static void startSupplier() {
        supplier = SupplierPhotos.start(SupplierPhotos.Options.defaults());
    }

    @AfterAll
    static void stopSupplier() {
        supplier.close();
    }

    @Test
    void aReferencePhotoReachesTheEmulatorsEditsAsAMultipartFileWithItsBytesAndIsPricedAsImageInput() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1, 100_000);
        ImageRequest request = request(product(id, "Glass Olive Oil Bottle", "Tall glass bottle of olive oil, green label.")
                .withImageUrls(null, supplier.photoUrl(id, "png")));
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.imageCount()).isEqualTo(2);
        ImageApiStats.ReceivedEdit edit = emulator.stats().receivedEdits().stream()
                .filter(e -> request.requestId().equals(e.requestId())).findFirst().orElseThrow();
        assertThat(edit.deployment()).isEqualTo("gpt-image-2");
        assertThat(edit.n()).isEqualTo(2);
        assertThat(edit.inputFidelity()).as("gpt-image-2 takes no input_fidelity: its edits are high fidelity").isNull();
        assertThat(edit.maskPresent()).isFalse();
        assertThat(edit.references()).singleElement().satisfies(reference -> {
            assertThat(reference.sha256()).isEqualTo(sha256(supplier.photo(id, "png")));
            assertThat(reference.contentType()).isEqualTo("image/png");
            assertThat(reference.filename()).isEqualTo("reference.png");
        });
        assertThat(supplier.requests("/photos/" + id + ".png")).as("fetched once").isEqualTo(1);
        // the photo's tokens are image input ($8/M), dearer than the same tokens as text ($5/M)
        BigDecimal allAsText = ImageModels.defaults().profile("gpt-image-2").orElseThrow().cost("low", "1024x1024", 2,
                true, image.usage().inputTokens(), 0L, image.usage().outputTokens()).orElseThrow();
        assertThat(image.costUsd()).isGreaterThan(allAsText);
        assertThat(awaitStatus(key, State.GENERATED).costUsd()).isGreaterThan(allAsText);
    }

    @Test
    void aRestyleEditsTheProductsCurrentImage() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1, 100_000);
        ImageRequest request = request(product(id, "Wicker Basket", "Round wicker basket with two handles.")
                .withImageUrls(supplier.photoUrl(id, "jpg"), null)).withMode(ImageRequest.Mode.RESTYLE);
        String key = send(request);

        awaitImage(key);
        ImageApiStats.ReceivedEdit edit = emulator.stats().receivedEdits().stream()
                .filter(e -> request.requestId().equals(e.requestId())).findFirst().orElseThrow();
        assertThat(edit.references()).singleElement().satisfies(reference -> {
            assertThat(reference.sha256()).isEqualTo(sha256(supplier.photo(id, "jpg")));
            assertThat(reference.contentType()).isEqualTo("image/jpeg");
        });
    }

    @Test
    void aPhotoTheSupplierNoLongerHasIsAnInvalidRequest() {
        long id = ThreadLocalRandom.current().nextLong(1, 100_000);
        supplier.remove(id);
        ImageRequest request = request(product(id, "Cork Board", "Cork pin board in a pine frame.")
                .withImageUrls(null, supplier.photoUrl(id, "png")));
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(header(dead, "delayed-retry-reason")).contains("reference photo refused: 127.0.0.1 answered 404");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isZero();
        supplier.restore(id);
    }

    @Test
    void twoVariantsAreOneCallWhoseImagesTravelTogetherAndAreAllPaidFor() {
        ImageRequest request = request(product("Enamel Camping Mug", "Blue enamel camping mug with a steel rim."));
        String key = send(request);

        GeneratedImage image = awaitImage(key);
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
        return product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name, description);
    }

    private static Product product(long id, String name, String description) {
        return new Product(id, name, description, 7, "Home", null);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }



}
