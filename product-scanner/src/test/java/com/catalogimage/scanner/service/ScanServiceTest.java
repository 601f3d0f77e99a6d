package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.dab.SampleCatalog;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class ScanServiceTest {

    static final String GOOD = "A hand-thrown stoneware mug with a speckled glaze, holds 350 ml.";

    @Inject
    ScanService scans;

    @Inject
    StatusStore store;

    @Inject
    MeterRegistry metrics;

    /** {@code %test.scan.restyle-image-url-prefixes}; products inserted under it are read beside those without an image. */
    static final String RESTYLE_PREFIX = "https://supplier-cdn.test/";
    private static final java.util.concurrent.atomic.AtomicInteger RESTYLE_ROWS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void aProductWhoseImageIsASupplierPhotoIsRestyledOnceAndKeepsItsOriginal() {
        String original = RESTYLE_PREFIX + UUID.randomUUID() + ".jpg";
        DabEmulator dab = DabEmulatorTestResource.emulator();
        long id = dab.insertProduct("Rope Basket " + UUID.randomUUID(), "A coiled cotton rope basket with handles.",
                3, "test", new BigDecimal("9.99"), original);
        RESTYLE_ROWS.incrementAndGet();
        long ours = dab.insertProduct("Rope Mat " + UUID.randomUUID(), "A coiled cotton rope mat.", 3, "test",
                new BigDecimal("9.99"), "https://supplier-cdn.test.example/" + UUID.randomUUID() + ".jpg");

        ScanReport first = scans.scan("test");
        scans.scan("test");

        assertThat(first.restyles()).isGreaterThanOrEqualTo(1);
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.mode()).isEqualTo(ImageRequest.Mode.RESTYLE);
                    assertThat(request.product().imageUrl()).isEqualTo(original);
                    assertThat(request.product().categoryName()).isEqualTo("Home & Kitchen");
                });
        assertThat(statuses(id)).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(State.REQUESTED);
            assertThat(status.originalImageUrl()).isEqualTo(original);
        });
        // a URL that only looks like the prefix is not a restyle
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(ours), new ImageRequestDeserializer())).isEmpty();
    }

    @Test
    void aRestyleTheReviewerRejectedIsNotRequestedAgain() {
        long id = DabEmulatorTestResource.emulator().insertProduct("Clay Vase " + UUID.randomUUID(),
                "A hand-thrown terracotta vase with a narrow neck.", 3, "test", new BigDecimal("9.99"),
                RESTYLE_PREFIX + UUID.randomUUID() + ".jpg");
        RESTYLE_ROWS.incrementAndGet();
        writeStatus(new ProductStatus(id, "r-" + UUID.randomUUID(), 1, State.SKIPPED, ReasonCode.REJECTED_BY_REVIEWER,
                "rejected", "blob-uploader", Instant.now(), null));

        scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
    }

    @Test
    void aSampleProductWithAReferencePhotoIsRequestedWithItAndOneWithoutWithNone() {
        scans.scan("test");

        List<ImageRequest> withPhoto = SampleCatalog.withSourceImage().stream()
                .flatMap(p -> topics().values(Topics.IMAGE_REQUESTS, String.valueOf(SampleCatalog.idOf(p)),
                        new ImageRequestDeserializer()).stream()).toList();
        assertThat(withPhoto).as("the sample's products with a reference photo are requested").isNotEmpty()
                .allSatisfy(request -> {
                    assertThat(request.product().sourceImageUrl()).endsWith("/photos/" + request.product().id() + "."
                            + (request.product().sourceImageUrl().endsWith(".png") ? "png" : "jpg"));
                    assertThat(request.product().imageUrl()).isNull();
                    assertThat(request.referencePhotoUrl()).isEqualTo(request.product().sourceImageUrl());
                });
        long plain = insert("Walnut Bowl " + UUID.randomUUID(), "A turned walnut salad bowl, oiled, 30 cm across.", 3);
        scans.scan("test");
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(plain), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> assertThat(request.product().sourceImageUrl()).isNull());
    }

    @Test
    void requestsAProductWithoutImageOnceWithItsCategory() {
        long id = insert("Speckled Stoneware Mug " + UUID.randomUUID(), GOOD, 3);

        scans.scan("test");
        ScanReport second = scans.scan("test");

        List<ImageRequest> requests = topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer());
        assertThat(requests).hasSize(1);
        ImageRequest request = requests.get(0);
        assertThat(request.product().categoryName()).isEqualTo("Home & Kitchen");
        assertThat(request.product().description()).isEqualTo(GOOD);
        assertThat(request.attempt()).isEqualTo(1);
        assertThat(request.origin()).isEqualTo(ImageRequest.Origin.SCAN);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.REQUESTED);
        assertThat(second.alreadyInFlight()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void emptyVagueAndDuplicateProductsAreSkippedWithReasonsAndNeverRequested() {
        String suffix = UUID.randomUUID().toString();
        long empty = insert("Gift Card " + suffix, "", 1);
        long vague = insert("Widget " + suffix, "Nice product.", 1);
        long original = insert("Canvas Tote Bag " + suffix, "A sturdy natural canvas tote bag with long handles.", 1);
        long duplicate = insert("canvas tote bag  " + suffix, "A sturdy natural canvas tote bag with long handles", 1);

        scans.scan("test");
        scans.scan("test");

        assertThat(statuses(empty)).singleElement().satisfies(s -> assertSkipped(s, ReasonCode.EMPTY_DESCRIPTION));
        assertThat(statuses(vague)).singleElement().satisfies(s -> assertSkipped(s, ReasonCode.VAGUE_DESCRIPTION));
        assertThat(statuses(duplicate)).singleElement().satisfies(s -> {
            assertSkipped(s, ReasonCode.DUPLICATE);
            assertThat(s.detail()).contains("product " + original);
        });
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(original), new ImageRequestDeserializer())).hasSize(1);
        for (long skipped : List.of(empty, vague, duplicate)) {
            assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(skipped), new ImageRequestDeserializer())).isEmpty();
        }
    }

    @Test
    void aProductRequestedAndNotGeneratedPastTheTimeoutIsReportedStuckNotRequestedAgain() {
        long id = insert("Linen Napkins " + UUID.randomUUID(), "Set of four stonewashed linen napkins in sage green.", 3);
        writeStatus(status(id, State.REQUESTED, Instant.now().minus(Duration.ofHours(2)), 1));

        ScanReport report = scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        assertThat(report.stuck()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theReportCountsTheWholeCatalogThoughTableModeReadsOnlyRowsWithoutAnImage() {
        ScanReport report = scans.scan("test");

        // table mode reads the rows without an image, and the rows to restyle (the test's restyle prefix)
        assertThat(report.seen()).isEqualTo(report.missing() + RESTYLE_ROWS.get());
        assertThat(report.total()).isNotNull();
        assertThat(report.total() - report.missing()).isGreaterThanOrEqualTo(SampleCatalog.WITH_IMAGE);
    }

    @Test
    void aRequestAndItsRequestedStatusAreCommittedTogether() {
        long id = insert("Copper Kettle " + UUID.randomUUID(), "A hammered copper kettle with a brass handle.", 3);

        scans.scan("test");

        ImageRequest request = topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())
                .get(0);
        assertThat(statuses(id)).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(State.REQUESTED);
            assertThat(status.requestId()).isEqualTo(request.requestId());
        });
    }

    @Test
    void aProductWhoseImageIsPaidForAndWaitsInALaterStageIsReportedStuckNotRequestedAgain() {
        long id = insert("Oak Serving Tray " + UUID.randomUUID(), "Rectangular oak serving tray with cut-out handles.", 3);
        writeStatus(status(id, State.STORED, Instant.now().minus(Duration.ofHours(2)), 1));

        ScanReport report = scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        assertThat(report.stuck()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("scanner.products.stuck").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCompletedProductWhoseImageWasClearedIsRequestedAgain() {
        long id = insert("Bamboo Cutting Board " + UUID.randomUUID(), "Large bamboo cutting board with a juice groove.", 3);
        writeStatus(status(id, State.COMPLETED, Instant.now(), 1));

        ScanReport report = scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).hasSize(1);
        assertThat(report.requestedAgain()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDeadLetteredProductIsNotRequestedAgain() {
        long id = insert("Denim Jacket " + UUID.randomUUID(), "Classic blue denim jacket with brass buttons.", 1);
        ProductStatus dead = new ProductStatus(id, "r-dead", 1, State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY,
                "safety system", "image-generator", Instant.now(), null);
        writeStatus(dead);

        ScanReport report = scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        assertThat(report.deadLettered()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aProductWhoseImageAwaitsReviewIsCountedAndNeverRequested() {
        long id = insert("Linen Apron " + UUID.randomUUID(), "A stone-washed linen apron with two front pockets.", 1);
        // Long past the in-flight timeout: a reviewer may take days, and that never makes it stuck.
        writeStatus(status(id, State.AWAITING_REVIEW, Instant.now().minus(Duration.ofDays(3)), 1));

        ScanReport report = scans.scan("test");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        assertThat(report.awaitingReview()).isGreaterThanOrEqualTo(1);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW);
    }

    private long insert(String name, String description, int category) {
        DabEmulator dab = DabEmulatorTestResource.emulator();
        return dab.insertProduct(name, description, category, "test", new BigDecimal("9.99"), "");
    }

    private static List<ProductStatus> statuses(long id) {
        return topics().values(Topics.IMAGE_STATUS, String.valueOf(id), new ProductStatusDeserializer());
    }

    private static void assertSkipped(ProductStatus status, ReasonCode reason) {
        assertThat(status.state()).isEqualTo(State.SKIPPED);
        assertThat(status.reason()).isEqualTo(reason);
    }

    private static ProductStatus status(long id, State state, Instant at, int attempt) {
        return new ProductStatus(id, "r-" + UUID.randomUUID(), attempt, state, null, null, "test", at, null);
    }

    /** Writes a status as another stage would, and waits until the scanner has read it. */
    private void writeStatus(ProductStatus status) {
        topics().send(Topics.IMAGE_STATUS, String.valueOf(status.productId()), status);
        await().atMost(Duration.ofSeconds(15)).until(() -> store.get(status.productId())
                .map(known -> known.requestId().equals(status.requestId())).orElse(false));
    }

    @SuppressWarnings("unused")
    private static Product product(long id) {
        return new Product(id, "x", "y", 1, "Clothing", null);
    }
}
