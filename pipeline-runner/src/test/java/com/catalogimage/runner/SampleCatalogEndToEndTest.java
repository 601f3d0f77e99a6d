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
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
    /** The operators' key of this run, for the dead-letter API. */
    static final String API_KEY = UUID.randomUUID().toString();

    @TempDir
    static Path folder;
    static PipelineRunner runner;

    @BeforeAll
    static void runTheSampleCatalog() {
        Map<String, String> variables = new HashMap<>(EndToEnd.TRACING_LINES);
        variables.put("SCAN_API_KEY", API_KEY);
        runner = EndToEnd.runDrained(folder, "table", SCAN_INTERVAL, variables);
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
        // the sample's supplier-hosted images carry the local CDN's port, a free one in this run
        List<SampleCatalog.Product> asLoaded = SampleCatalog.products(runner.stack().supplierPhotos().baseUri().toString());
        for (SampleCatalog.Product sample : asLoaded) {
            long id = asLoaded.indexOf(sample) + 1L;
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
        Set<String> all = container.listBlobs().stream().map(BlobItem::getName).collect(Collectors.toSet());
        // Every image has its thumbnail beside it ({name}.thumb.jpg), for the operator console's gallery.
        Set<String> blobs = all.stream().filter(name -> !name.endsWith(".thumb.jpg")).collect(Collectors.toSet());
        assertThat(all).containsAll(blobs.stream().map(name -> name.replaceAll("\\.[a-z]+$", ".thumb.jpg")).toList());

        assertThat(report.byState().get(State.COMPLETED)).isEqualTo((int) ourImagesInCatalog).isEqualTo(blobs.size());
        assertThat(report.byReason().get(ReasonCode.CONTENT_POLICY)).hasSize(1);
        // each image at list price, and the quality check that followed it (its verdict's cost, decision 0024)
        BigDecimal checks = runner.board().history().stream()
                .filter(status -> status.state() == State.GENERATED && status.verdict() != null
                        && status.verdict().costUsd() != null)
                .map(status -> status.verdict().costUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(checks).isPositive();
        // each image at gpt-image-2's token prices for the usage it reported (decision 0028): at least its 200 output
        // tokens at $30 per million, more for a product generated from its reference photo (image input tokens)
        Map<Long, BigDecimal> imageCost = runner.board().history().stream()
                .filter(status -> status.state() == State.GENERATED && status.costUsd() != null)
                .collect(Collectors.toMap(ProductStatus::productId, status -> status.costUsd().subtract(
                        status.verdict() == null || status.verdict().costUsd() == null ? BigDecimal.ZERO
                                : status.verdict().costUsd()), BigDecimal::add));
        assertThat(imageCost.values()).allSatisfy(usd -> assertThat(usd).isGreaterThanOrEqualTo(new BigDecimal("0.006")));
        List<Long> fromPhotos = SampleCatalog.withSourceImage().stream().map(SampleCatalog::idOf)
                .filter(imageCost::containsKey).toList();
        assertThat(fromPhotos).isNotEmpty();
        BigDecimal plain = imageCost.entrySet().stream().filter(entry -> !fromPhotos.contains(entry.getKey()))
                .map(Map.Entry::getValue).max(BigDecimal::compareTo).orElseThrow();
        assertThat(fromPhotos).allSatisfy(id -> assertThat(imageCost.get(id)).isGreaterThan(plain));
        assertThat(report.costUsd()).isEqualByComparingTo(imageCost.values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add).add(checks));
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

    @Test
    @Order(6)
    void eachRequestIsOneTraceThroughAllFourServicesAndAReplayANewOneAfterTheDeadLetters() throws Exception {
        long completed = ids(runner.board().latest(), State.COMPLETED).get(0);
        Map<String, Map<Service, Set<String>>> requests = tracesOf(completed);
        assertThat(requests).as("requests of product %d", completed).hasSize(1);
        Map<Service, Set<String>> traces = requests.values().iterator().next();
        assertThat(traces.keySet()).as("services that logged product %d's work", completed)
                .containsExactlyInAnyOrderElementsOf(Service.stages());
        String trace = single(traces, completed);
        assertThat(trace).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

        // The jeans: scanner and generator, then the dead letter, in a trace of their own (one per request, not per scan).
        long jeans = SampleCatalog.PRODUCTS.stream().filter(p -> p.name().equals("Blue Denim Jeans"))
                .mapToLong(SampleCatalog::idOf).findFirst().orElseThrow();
        Map<String, Map<Service, Set<String>>> jeansRequests = tracesOf(jeans);
        assertThat(jeansRequests).hasSize(1);
        Map<Service, Set<String>> deadLettered = jeansRequests.values().iterator().next();
        assertThat(deadLettered.keySet()).containsExactlyInAnyOrder(Service.PRODUCT_SCANNER, Service.IMAGE_GENERATOR);
        String deadLetterTrace = single(deadLettered, jeans);
        assertThat(deadLetterTrace).isNotEqualTo(trace);

        // Its replay is a new request and a new trace through all four services, linked to the dead letter's trace
        // (read by the scanner from the dead letter's traceparent header).
        JsonNode replay = replay(jeans, "A pair of blue trousers folded on a white background, no text.");
        assertThat(replay.path("replayed").asInt()).as("%s", replay).isEqualTo(1);
        String replayId = replay.path("results").get(0).path("requestId").asText();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                runner.board().latest().get(jeans).state() == State.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                tracesOf(jeans).getOrDefault(replayId, Map.of()).size() == Service.stages().size());
        String replayTrace = single(tracesOf(jeans).get(replayId), jeans);
        assertThat(replayTrace).isNotEqualTo(deadLetterTrace);
        assertThat(EndToEnd.logLines(runner, Service.PRODUCT_SCANNER)).as("the replay's opening line")
                .anySatisfy(line -> {
                    assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(replayTrace);
                    assertThat(line.path("message").asText()).contains("after trace " + deadLetterTrace);
                });
    }

    private static JsonNode replay(long productId, String prompt) throws Exception {
        String body = EndToEnd.JSON.writeValueAsString(Map.of("filter", Map.of("productId", productId),
                "promptOverrides", Map.of(String.valueOf(productId), prompt)));
        HttpResponse<String> response = EndToEnd.HTTP.send(HttpRequest.newBuilder(
                        URI.create(runner.services().url(Service.PRODUCT_SCANNER) + "/dead-letters/replay"))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EndToEnd.JSON.readTree(response.body());
    }

    private static String single(Map<Service, Set<String>> traces, long productId) {
        List<String> ids = traces.values().stream().flatMap(Set::stream).distinct().toList();
        assertThat(ids).as("trace ids in the lines of one request of product %d, per service: %s", productId, traces)
                .hasSize(1);
        return ids.get(0);
    }

    /** Per request of this product (MDC requestId), the trace ids in the MDC of its lines, per service that wrote any. */
    private static Map<String, Map<Service, Set<String>>> tracesOf(long productId) throws Exception {
        Map<String, Map<Service, Set<String>>> requests = new TreeMap<>();
        for (Service service : Service.stages()) {
            for (JsonNode line : EndToEnd.logLines(runner, service)) {
                JsonNode mdc = line.path("mdc");
                if (mdc.path("productId").asText().equals(String.valueOf(productId))) {
                    assertThat(mdc.path("requestId").asText()).as("%s: %s", service, line).isNotBlank();
                    requests.computeIfAbsent(mdc.path("requestId").asText(), id -> new EnumMap<>(Service.class))
                            .computeIfAbsent(service, s -> new TreeSet<>()).add(mdc.path("traceId").asText());
                }
            }
        }
        return requests;
    }

    private static List<Long> ids(Map<Long, ProductStatus> statuses, State state) {
        return statuses.values().stream().filter(s -> s.state() == state).map(ProductStatus::productId).sorted().toList();
    }
}
