package com.catalogimage.benchmark;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.dab.CatalogFiller;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.azure.core.util.BinaryData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Part 2, the seed's approach: the Python loop of the seed article, line for line in Java, against the same local stack
 * and emulator settings as part 1. One product at a time: list the products ({@code GetProducts?ProductID=-1}), then for
 * each without an image build the seed's prompt, generate, upload to {@code products/<name>.jpg} with overwrite, and
 * post the relative path to {@code UpdateProductImageUrl}; errors are recorded and the loop goes on. Its faults (names
 * that collide, a {@code .jpg} name for PNG bytes, a relative URL) are kept: it is the baseline, not a fixed version.
 * gpt-image answers with base64, so the seed's download of the image URL has nothing to do.
 *
 * <p>The seed used {@code requests}; the JDK's HTTP client is its stand-in here, with no retries (the seed had none).
 */
final class SeedLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "bench-seed";
    private static final String PROMPT = """
            Create a clean product photo for an online store.

            Product Name: %s
            Description: %s
            Category: %s
            Tags: %s

            Show the product fully visible, perfectly centered in the frame, with no cropping. Use a straight-on \
            perspective, on a plain white background.
            Do not include any text, labels, props, packaging, or background scene.

            Ensure the product appears balanced, isolated, and positioned centrally as if professionally shot for a \
            catalog.""";

    private SeedLoop() {
    }

    /** Runs the loop for {@code budget} (it would take hours on a real backlog) and reports its pace. */
    static BenchmarkResults.Sequential run(int rpm, Duration latency, Duration jitter, Duration budget) throws IOException {
        Path folder = Files.createTempDirectory("benchmark-seed-");
        CatalogFiller.fill(folder, CatalogFiller.ORDINARY, extra -> { });
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalStack.EXTERNAL.values().forEach(names -> Stream.of(names.split("\\|")).forEach(environment::remove));
        System.out.printf("[sequential] the seed's loop for %d s, latency %d s ± %d s, data in %s%n", budget.toSeconds(),
                latency.toSeconds(), jitter.toSeconds(), folder);
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(folder, 0, 0, 0, 0), environment)) {
            ImageApiEmulator api = stack.imageApi();
            api.addDeployment(new ImageApiEmulator.Deployment(DEPLOYMENT, "gpt-image-2", rpm, false));
            api.configure(ImageApiEmulator.Config.change().withLatency(latency).withJitter(jitter));
            OpenAIClient client = OpenAIOkHttpClient.builder()
                    .baseUrl(api.baseUri().toString())
                    .credential(AzureApiKeyCredential.create(api.options().apiKey()))
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-04-01-preview"))
                    .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .build();
            BlobContainerClient container = new BlobServiceClientBuilder()
                    .connectionString(stack.azurite().connectionString()).buildClient().getBlobContainerClient("products");
            container.createIfNotExists();
            HttpClient http = HttpClient.newHttpClient();
            String dab = stack.dab().baseUri() + "/rest";
            try {
                return loop(client, container, http, dab, budget);
            } finally {
                client.close();
            }
        } finally {
            BenchmarkResults.deleteQuietly(folder);
        }
    }

    private static BenchmarkResults.Sequential loop(OpenAIClient client, BlobContainerClient container, HttpClient http,
            String dab, Duration budget) {
        long started = System.nanoTime();
        JsonNode products = get(http, dab + "/GetProducts?ProductID=-1").path("value");
        List<Duration> perProduct = new ArrayList<>();
        Set<String> blobNames = new HashSet<>();
        int errors = 0;
        for (JsonNode product : products) {
            if (System.nanoTime() - started > budget.toNanos()) {
                break;
            }
            if (!product.path("ImageUrl").asText("").isEmpty()) {
                continue; // "Skipped: Image already exists."
            }
            long productStarted = System.nanoTime();
            try {
                String prompt = PROMPT.formatted(product.path("ProductName").asText(""),
                        product.path("Description").asText(""), product.path("CategoryName").asText(""),
                        product.path("Tags").asText(""));
                ImagesResponse result = client.images().generate(ImageGenerateParams.builder().model(DEPLOYMENT)
                        .prompt(prompt).n(1).quality(ImageGenerateParams.Quality.LOW).build());
                byte[] image = Base64.getDecoder().decode(result.data().orElseThrow().get(0).b64Json().orElseThrow());
                String fileName = product.path("ProductName").asText("").toLowerCase().replace(' ', '_') + ".jpg";
                container.getBlobClient(fileName).upload(BinaryData.fromBytes(image), true);
                blobNames.add(fileName);
                HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(dab + "/UpdateProductImageUrl"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "ProductID", product.path("ProductID").asLong(), "ImageUrl", "/products/" + fileName))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (update.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Update API failed: " + update.body());
                }
                perProduct.add(Duration.ofNanos(System.nanoTime() - productStarted));
            } catch (Exception error) { // the seed catches everything per step, records it and goes on
                errors++;
                if (error instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        double perMinute = perProduct.size() / (Figures.seconds(elapsed) / 60.0);
        System.out.printf("[sequential] %d products in %.0f s = %.2f images/min, %d errors%n", perProduct.size(),
                Figures.seconds(elapsed), perMinute, errors);
        return new BenchmarkResults.Sequential(perProduct.size(), errors, Figures.seconds(elapsed), perMinute,
                Figures.percentileMillis(perProduct, 50), Figures.percentileMillis(perProduct, 95));
    }

    private static JsonNode get(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Failed to fetch products: " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Failed to fetch products: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
