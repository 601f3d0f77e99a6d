package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.dab.SampleCatalog;
import com.catalogimage.localstack.dab.SampleCatalog.Quirk;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: the sample catalog through the four packaged services, each a separate process, on the real broker,
 * Azurite and the emulators.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleCatalogEndToEndTest {

    static final Duration SCAN_INTERVAL = Duration.ofSeconds(5);

    @TempDir
    static Path folder;
    static PipelineRunner runner;

    @BeforeAll
    static void runTheSampleCatalog() {
        runner = EndToEnd.runDrained(folder, "table", SCAN_INTERVAL);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void everyUsableProductEndsWithAFullBlobUrlToARealImageOfTheRequestedSize() throws Exception {
        Map<Long, JsonNode> catalog = EndToEnd.catalog(runner);
        Map<Long, ProductStatus> statuses = runner.board().latest();
        String blobBase = runner.stack().azurite().blobEndpoint() + "/products/images/";

        List<Long> completed = ids(statuses, State.COMPLETED);
        assertThat(completed).isNotEmpty();
        for (long id : completed) {
            String url = catalog.get(id).path("ImageUrl").asText();
            assertThat(url).as("product %d", id).startsWith(blobBase).matches(".*/" + id + "-[a-z0-9-]+-[0-9a-f]{12}\\.png");
            HttpResponse<byte[]> blob = EndToEnd.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(blob.statusCode()).isEqualTo(200);
            assertThat(blob.headers().firstValue("Content-Type")).contains("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(blob.body()));
            assertThat(image.getWidth()).isEqualTo(1024);
            assertThat(image.getHeight()).isEqualTo(1024);
        }
        // Every sample product that was without an image and is not awkward got one.
        for (SampleCatalog.Product sample : SampleCatalog.PRODUCTS) {
            long id = SampleCatalog.idOf(sample);
            if (!sample.hasImage() && (sample.quirk() == null || sample.quirk() == Quirk.LONG_DESCRIPTION
                    || sample.quirk() == Quirk.NON_LATIN || sample.quirk() == Quirk.QUOTES || sample.quirk() == Quirk.MARKUP
                    || sample.quirk() == Quirk.CONTROL_CHARACTERS || sample.quirk() == Quirk.PROMPT_INJECTION
                    || sample.quirk() == Quirk.SLASH_IN_NAME) && !sample.name().equals("Blue Denim Jeans")) {
                assertThat(statuses.get(id)).as("%s (#%d)", sample.name(), id)
                        .extracting(ProductStatus::state).isEqualTo(State.COMPLETED);
            }
            if (sample.hasImage()) {
                assertThat(catalog.get(id).path("ImageUrl").asText()).as("untouched").isEqualTo(sample.imageUrl());
            }
        }
    }

    @Test
    @Order(2)
    void vagueEmptyAndDuplicateProductsAreSkippedAndTheJeansAreDeadLettered() {
        Map<Long, ProductStatus> statuses = runner.board().latest();
        for (SampleCatalog.Product empty : SampleCatalog.withQuirk(Quirk.EMPTY_DESCRIPTION)) {
            assertThat(statuses.get(SampleCatalog.idOf(empty)).reason()).isEqualTo(ReasonCode.EMPTY_DESCRIPTION);
        }
        for (SampleCatalog.Product vague : SampleCatalog.withQuirk(Quirk.VAGUE_DESCRIPTION)) {
            assertThat(statuses.get(SampleCatalog.idOf(vague)).reason()).as(vague.name()).isEqualTo(ReasonCode.VAGUE_DESCRIPTION);
        }
        List<SampleCatalog.Product> twins = SampleCatalog.withQuirk(Quirk.DUPLICATE);
        assertThat(twins).hasSize(2);
        assertThat(statuses.get(SampleCatalog.idOf(twins.get(0))).state()).isEqualTo(State.COMPLETED);
        assertThat(statuses.get(SampleCatalog.idOf(twins.get(1))).reason()).isEqualTo(ReasonCode.DUPLICATE);

        long jeans = SampleCatalog.PRODUCTS.stream().filter(p -> p.name().equals("Blue Denim Jeans"))
                .mapToLong(SampleCatalog::idOf).findFirst().orElseThrow();
        assertThat(statuses.get(jeans).state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(statuses.get(jeans).reason()).isEqualTo(ReasonCode.CONTENT_POLICY);
    }

    @Test
    @Order(3)
    void theReportsCountsEqualWhatTheCatalogAndTheStorageShow() throws Exception {
        RunReport report = runner.report();
        Map<Long, JsonNode> catalog = EndToEnd.catalog(runner);
        String blobBase = runner.stack().azurite().blobEndpoint() + "/products/images/";
        long ourImagesInCatalog = catalog.values().stream().filter(row -> row.path("ImageUrl").asText().startsWith(blobBase)).count();
        BlobContainerClient container = new BlobServiceClientBuilder()
                .connectionString(runner.stack().azurite().connectionString())
                .httpClient(new JdkHttpClientBuilder().build()).buildClient().getBlobContainerClient("products");
        Set<String> blobs = container.listBlobs().stream().map(BlobItem::getName).collect(Collectors.toSet());

        assertThat(report.byState().get(State.COMPLETED)).isEqualTo((int) ourImagesInCatalog).isEqualTo(blobs.size());
        assertThat(report.byReason().get(ReasonCode.CONTENT_POLICY)).hasSize(1);
        assertThat(report.costUsd()).isEqualByComparingTo(
                new BigDecimal("0.011").multiply(BigDecimal.valueOf(report.thisRun().get(State.GENERATED))));
        assertThat(report.render()).contains("COMPLETED").contains("CONTENT_POLICY").contains("Blue Denim Jeans");
    }

    @Test
    @Order(4)
    void aSecondScanEmitsNothingAndEachRequestedProductWasGeneratedExactlyOnce() {
        JsonNode scan = runner.scanNow();
        assertThat(scan.path("requested").asInt()).isZero();

        ImageApiEmulator images = runner.stack().imageApi();
        int completed = ids(runner.board().latest(), State.COMPLETED).size();
        assertThat(images.stats().duplicateRequestIds()).isEmpty();
        assertThat(images.stats().generations()).isEqualTo(completed);
    }

    @Test
    @Order(5)
    void aProductAddedWhileThePipelineRunsGetsItsImageWithinTwoScanIntervals() {
        long id = runner.stack().dab().insertProduct("Copper Watering Can",
                "A hammered copper watering can with a long brass spout, 1.5 litres.", 3, "garden", new BigDecimal("39.00"), "");
        long inserted = System.nanoTime();

        await().atMost(SCAN_INTERVAL.multipliedBy(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                EndToEnd.catalog(runner).get(id).path("ImageUrl").asText().startsWith("http"));
        System.out.printf("[e2e] new product had its image after %d ms%n", (System.nanoTime() - inserted) / 1_000_000);
    }

    private static List<Long> ids(Map<Long, ProductStatus> statuses, State state) {
        return statuses.values().stream().filter(s -> s.state() == state).map(ProductStatus::productId).sorted().toList();
    }
}
