package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator through openai-java 4.101.0, the client the image generator uses, plus raw HTTP where headers matter. */
class ImageApiEmulatorTest {

    static final String KEY = "local-dev-key";
    static final String PROMPT_TEMPLATE = "Create a clean product photo for an online store.\n\nProduct Name: %s\n"
            + "Description: %s\nCategory: %s\nTags: %s\n\nShow the product fully visible, perfectly centered in the frame, "
            + "with no cropping. Use a straight-on perspective, on a plain white background.";

    static ImageApiEmulator emulator;
    static OpenAIClient legacy;
    static OpenAIClient unified;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
        legacy = AzureClients.legacy(emulator.baseUri().toString(), KEY).build();
        unified = AzureClients.unified(emulator.baseUri().toString(), KEY).build();
    }

    @AfterAll
    static void stop() {
        legacy.close();
        unified.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.faults().clear();
        emulator.stats().reset();
    }

    static String prompt(String name, String category) {
        return String.format(PROMPT_TEMPLATE, name, "A " + name.toLowerCase() + ".", category, "tag");
    }

    static ImageGenerateParams.Builder params(String deployment, String prompt) {
        return ImageGenerateParams.builder().model(deployment).prompt(prompt);
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a decodable image").isNotNull();
        return image;
    }

    static JsonNode errorBody(OpenAIServiceException e) {
        JsonNode body = e.body().convert(JsonNode.class);
        return body.has("error") ? body.get("error") : body;
    }

    static HttpResponse<String> post(String path, String apiKeyHeader, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKeyHeader != null) {
            request.header("api-key", apiKeyHeader);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- success on both paths ---

    @Test
    void legacyPathReturnsAPngOfTheRequestedSizeWithUsage() throws IOException {
        String prompt = prompt("Kids Dinosaur Pajamas", "Clothing");
        ImagesResponse response = legacy.images().generate(params("gpt-image-1-mini", prompt)
                .size(ImageGenerateParams.Size._1024X1024).build());

        byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1024);
        ImagesResponse.Usage usage = response.usage().orElseThrow();
        assertThat(usage.inputTokens()).isEqualTo((prompt.length() + 3) / 4);
        assertThat(usage.outputTokens()).isEqualTo(1056); // quality auto → medium
        assertThat(usage.totalTokens()).isEqualTo(usage.inputTokens() + usage.outputTokens());
        assertThat(emulator.stats().generationsForDeployment("gpt-image-1-mini")).isEqualTo(1);
    }

    @Test
    void unifiedPathReturnsAJpegOfTheRequestedSize() throws IOException {
        ImagesResponse response = unified.images().generate(params("gpt-image-1.5", prompt("Chocolate Bar", "Candy"))
                .size(ImageGenerateParams.Size._1536X1024)
                .quality(ImageGenerateParams.Quality.LOW)
                .outputFormat(ImageGenerateParams.OutputFormat.JPEG)
                .outputCompression(80)
                .n(2)
                .build());

        assertThat(response.data().orElseThrow()).hasSize(2);
        byte[] jpeg = Base64.getDecoder().decode(response.data().orElseThrow().get(1).b64Json().orElseThrow());
        assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage image = decode(jpeg);
        assertThat(image.getWidth()).isEqualTo(1536);
        assertThat(image.getHeight()).isEqualTo(1024);
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(2 * 408);
        assertThat(response.size().orElseThrow().asString()).isEqualTo("1536x1024");
        assertThat(emulator.stats().generationsForDeployment("gpt-image-1.5")).isEqualTo(1);
        assertThat(emulator.stats().images()).isEqualTo(2);
    }

    @Test
    void transparentBackgroundGivesAnImageWithAlpha() throws IOException {
        ImagesResponse response = unified.images().generate(params("gpt-image-1-mini", prompt("Water Bottle", "Sports"))
                .background(ImageGenerateParams.Background.TRANSPARENT).build());
        BufferedImage image = decode(Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow()));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat((image.getRGB(1, 1) >>> 24) & 0xFF).isZero();
    }

    // --- auth ---

    @Test
    void bearerTokenEqualToTheKeyIsAccepted() throws Exception {
        try (AzureClients.Closing bearer = AzureClients.closing(AzureClients.legacyBearer(emulator.baseUri().toString(), KEY))) {
            assertThat(bearer.images().generate(params("gpt-image-1-mini", "Product Name: Mug").build()).data().orElseThrow())
                    .hasSize(1);
        }
        HttpResponse<String> raw = HTTP.send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUri() + "/openai/v1/images/generations"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-image-1-mini\",\"prompt\":\"a mug\",\"quality\":\"low\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongOrMissingKeyIs401() throws Exception {
        try (AzureClients.Closing wrong = AzureClients.closing(AzureClients.legacy(emulator.baseUri().toString(), "not-the-key"))) {
            assertThatThrownBy(() -> wrong.images().generate(params("gpt-image-1-mini", "a mug").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.code()).contains("401");
                        assertThat(errorBody(e).get("message").asText()).startsWith("Access denied due to invalid subscription key");
                    });
        }
        HttpResponse<String> missing = post("/openai/v1/images/generations", null,
                "{\"model\":\"gpt-image-1-mini\",\"prompt\":\"a mug\"}");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(emulator.stats().generations()).isZero();
    }

    // --- policy ---

    @Test
    void blueDenimJeansIsAContentPolicyViolation() {
        String prompt = prompt("Blue Denim Jeans", "Clothing");
        assertThatThrownBy(() -> legacy.images().generate(params("gpt-image-1-mini", prompt).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("content_policy_violation");
                    assertThat(e.type()).contains("invalid_request_error");
                    JsonNode error = errorBody(e);
                    assertThat(error.at("/inner_error/code").asText()).isEqualTo("ResponsibleAIPolicyViolation");
                    assertThat(error.at("/inner_error/content_filter_results/sexual/filtered").asBoolean()).isTrue();
                });
        assertThat(emulator.stats().generationsForPrompt(prompt)).isZero();
    }

    @Test
    void contentFilterVariantCanBeSwitchedOn() {
        emulator.configure(ImageApiEmulator.Config.change()
                .withPolicyErrorStyle(ImageApiEmulator.PolicyErrorStyle.CONTENT_FILTER)
                .withBlockedTerms(List.of("jeans", "Knife")));
        try {
            assertThatThrownBy(() -> unified.images().generate(params("gpt-image-1-mini", "A kitchen KNIFE").build()))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.code()).contains("contentFilter");
                        assertThat(errorBody(e).get("message").asText())
                                .isEqualTo("Your task failed as a result of our safety system.");
                    });
        } finally {
            emulator.configure(ImageApiEmulator.Config.change()
                    .withPolicyErrorStyle(ImageApiEmulator.PolicyErrorStyle.MODEL_DEFAULT)
                    .withBlockedTerms(List.of("jeans")));
        }
    }

    // --- configuration errors ---

    @Test
    void retiredDallE3AndUnknownDeploymentsAreDeploymentNotFound() {
        for (String deployment : List.of("dall-e-3", "no-such-deployment")) {
            assertThatThrownBy(() -> legacy.images().generate(params(deployment, "a mug").build()))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("DeploymentNotFound"));
        }
        assertThat(emulator.stats().requests("dall-e-3")).isEqualTo(1);
    }

    @Test
    void missingApiVersionOnTheLegacyPathIsResourceNotFound() throws Exception {
        HttpResponse<String> response = post("/openai/deployments/gpt-image-1-mini/images/generations", KEY,
                "{\"prompt\":\"a mug\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonHttpServer.JSON.readTree(response.body()).at("/error/message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void invalidSizeIsA400InvalidRequestError() {
        assertThatThrownBy(() -> legacy.images().generate(params("gpt-image-1-mini", "a mug")
                .size(ImageGenerateParams.Size._512X512).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("invalid_value");
                    assertThat(e.param()).contains("size");
                    assertThat(e.type()).contains("invalid_request_error");
                    assertThat(errorBody(e).get("message").asText()).contains("'512x512'").contains("'1536x1024'");
                });
    }

    @Test
    void overlongPromptIsA400() {
        assertThatThrownBy(() -> legacy.images().generate(params("gpt-image-1-mini", "a".repeat(32_001)).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("string_above_max_length");
                    assertThat(e.param()).contains("prompt");
                });
    }

    // --- counting ---

    @Test
    @SuppressWarnings("deprecation") // openai-java deprecates `user` (OpenAI prefers safety_identifier); Azure still takes it
    void sameUserTwiceIsReportedAsADuplicate() {
        String prompt = prompt("Wireless Gamer Mouse", "Electronics");
        legacy.images().generate(params("gpt-image-1-mini", prompt).user("req-42").quality(ImageGenerateParams.Quality.LOW).build());
        legacy.images().generate(params("gpt-image-1-mini", prompt).user("req-42").quality(ImageGenerateParams.Quality.LOW).build());
        legacy.images().generate(params("gpt-image-1-mini", prompt).user("req-43").quality(ImageGenerateParams.Quality.LOW).build());

        ImageApiStats stats = emulator.stats();
        assertThat(stats.duplicateRequestIds()).containsExactly("req-42");
        assertThat(stats.generationsForRequestId("req-42")).isEqualTo(2);
        assertThat(stats.generationsByRequestId()).containsEntry("req-43", 1L);
        assertThat(stats.generationsForPrompt(prompt)).isEqualTo(3);
        assertThat(stats.generations()).isEqualTo(3);
    }

    @Test
    void clientRequestIdHeaderCountsWhenThereIsNoUser() {
        // the header is Azure's documented client request id; openai-java sends it per request like this
        for (int i = 0; i < 2; i++) {
            unified.images().generate(params("gpt-image-1-mini", "a mug").quality(ImageGenerateParams.Quality.LOW)
                    .putAdditionalHeader("x-ms-client-request-id", "hdr-1").build());
        }
        assertThat(emulator.stats().duplicateRequestIds()).containsExactly("hdr-1");
        assertThat(emulator.stats().generationsForRequestId("hdr-1")).isEqualTo(2);
    }

    // --- faults ---

    @Test
    void failNextTwiceThenSuccess() {
        emulator.faults().failNext(500, 1).failNext(503, 1);
        ImageGenerateParams request = params("gpt-image-1-mini", "a mug").quality(ImageGenerateParams.Quality.LOW).build();
        assertThatThrownBy(() -> legacy.images().generate(request))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.code()).contains("InternalServerError");
                });
        assertThatThrownBy(() -> legacy.images().generate(request))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(legacy.images().generate(request).data().orElseThrow()).hasSize(1);
        assertThat(emulator.stats().generations()).isEqualTo(1);
        assertThat(emulator.stats().responses(500)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("deprecation") // `user`, see above
    void theClientsOwnRetriesRideOverInjected500s() {
        emulator.faults().failNext(500, 2);
        try (AzureClients.Closing retrying = AzureClients.closing(AzureClients.legacy(emulator.baseUri().toString(), KEY).maxRetries(2))) {
            assertThat(retrying.images().generate(params("gpt-image-1-mini", "a mug").user("retry-1").build()).data())
                    .isPresent();
        }
        assertThat(emulator.stats().requests("gpt-image-1-mini")).isEqualTo(3);
        assertThat(emulator.stats().generationsForRequestId("retry-1")).isEqualTo(1);
    }

    @Test
    void faultsCanBeLimitedToOneDeployment() {
        emulator.faults().forDeployment("gpt-image-1.5").failNext(502, 5);
        assertThat(legacy.images().generate(params("gpt-image-1-mini", "a mug").build()).data()).isPresent();
        assertThatThrownBy(() -> legacy.images().generate(params("gpt-image-1.5", "a mug").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
    }

    @Test
    void timeoutFaultTripsTheClientTimeout() {
        emulator.faults().timeoutHold(Duration.ofSeconds(30)).timeoutNext(1);
        try (AzureClients.Closing impatient = AzureClients.closing(AzureClients.legacy(emulator.baseUri().toString(), KEY)
                .timeout(Duration.ofMillis(800)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.images().generate(params("gpt-image-1-mini", "a mug").build()))
                    .isInstanceOf(OpenAIIoException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(10));
            assertThat(impatient.images().generate(params("gpt-image-1-mini", "a mug").build()).data()).isPresent();
        }
    }

    @Test
    void timeoutProbabilityOneHoldsEveryRequest() {
        emulator.faults().timeoutHold(Duration.ofSeconds(30)).seed(7).timeoutProbability(1.0);
        try (AzureClients.Closing impatient = AzureClients.closing(AzureClients.unified(emulator.baseUri().toString(), KEY)
                .timeout(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> impatient.images().generate(params("gpt-image-1-mini", "a mug").build()))
                    .isInstanceOf(OpenAIIoException.class);
        }
    }

    @Test
    void seededFailureProbabilityIsRepeatable() {
        List<Integer> first = statuses(0.5, 42);
        List<Integer> second = statuses(0.5, 42);
        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    private List<Integer> statuses(double probability, long seed) {
        emulator.faults().clear();
        emulator.faults().seed(seed).failureProbability(probability);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            try {
                legacy.images().generate(params("gpt-image-1-mini", "a mug").quality(ImageGenerateParams.Quality.LOW).build());
                statuses.add(200);
            } catch (OpenAIServiceException e) {
                statuses.add(e.statusCode());
            }
        }
        return statuses;
    }

    @Test
    void resourceBlockedModeIs403UntilCleared() {
        emulator.faults().blockResource(true);
        assertThatThrownBy(() -> unified.images().generate(params("gpt-image-1-mini", "a mug").build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(errorBody(e).get("message").asText()).contains("temporarily blocked");
                });
        emulator.faults().clear();
        assertThat(unified.images().generate(params("gpt-image-1-mini", "a mug").build()).data()).isPresent();
    }

    // --- rate limit and latency (own emulators, own settings) ---

    @Test
    void burstAboveTheRateLimitIs429WithRetryHeaders() throws Exception {
        ImageApiEmulator.Options options = ImageApiEmulator.Options.defaults()
                .withDeployment(ImageApiEmulator.Deployment.of("gpt-image-1-mini").withRequestsPerMinute(6));
        try (ImageApiEmulator limited = ImageApiEmulator.start(options);
             AzureClients.Closing client = AzureClients.closing(AzureClients.legacy(limited.baseUri().toString(), KEY))) {
            assertThat(client.images().generate(params("gpt-image-1-mini", "a mug").build()).data()).isPresent();

            HttpResponse<String> throttled = HTTP.send(HttpRequest.newBuilder(URI.create(limited.baseUri()
                            + "/openai/deployments/gpt-image-1-mini/images/generations?api-version=2025-04-01-preview"))
                    .header("api-key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a mug\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(throttled.statusCode()).isEqualTo(429);
            long retryAfterMs = Long.parseLong(throttled.headers().firstValue("retry-after-ms").orElseThrow());
            long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfterMs).isBetween(8_000L, 10_000L);
            assertThat(retryAfter).isEqualTo((retryAfterMs + 999) / 1000);
            assertThat(JsonHttpServer.JSON.readTree(throttled.body()).at("/error/message").asText())
                    .contains("Please retry after " + retryAfter + " seconds");

            assertThatThrownBy(() -> client.images().generate(params("gpt-image-1-mini", "a mug").build()))
                    .isInstanceOfSatisfying(RateLimitException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.headers().values("retry-after-ms")).isNotEmpty();
                    });
            // the other deployment has its own (unlimited) budget
            assertThat(client.images().generate(params("gpt-image-1.5", "a mug").build()).data()).isPresent();

            ImageApiStats stats = limited.stats();
            assertThat(stats.throttled("gpt-image-1-mini")).isEqualTo(2);
            assertThat(stats.requests("gpt-image-1-mini")).isEqualTo(3);
            assertThat(stats.generationsForDeployment("gpt-image-1-mini")).isEqualTo(1);
        }
    }

    @Test
    void aDeploymentAddedAtRuntimeServesWithItsOwnLimit() {
        try (ImageApiEmulator pool = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
             AzureClients.Closing client = AzureClients.closing(AzureClients.unified(pool.baseUri().toString(), KEY))) {
            ImageGenerateParams request = params("gpt-image-1-mini-b", "a mug").quality(ImageGenerateParams.Quality.LOW)
                    .build();
            assertThatThrownBy(() -> client.images().generate(request)).isInstanceOf(NotFoundException.class);

            pool.addDeployment(new ImageApiEmulator.Deployment("gpt-image-1-mini-b", "gpt-image-1-mini", 6, false));
            assertThat(client.images().generate(request).data()).isPresent(); // capacity max(1, 6/6) = 1
            assertThatThrownBy(() -> client.images().generate(request)).isInstanceOf(RateLimitException.class);
            assertThat(pool.stats().generationsForDeployment("gpt-image-1-mini-b")).isEqualTo(1);
        }
    }

    @Test
    void renderOncePerShapeServesTheSameDrawingForDifferentProductsEachWithItsPrompt() throws IOException {
        ImageGenerateParams mug = params("gpt-image-1-mini", prompt("Mug", "Kitchen"))
                .size(ImageGenerateParams.Size._1024X1024).build();
        ImageGenerateParams lamp = params("gpt-image-1-mini", prompt("Desk Lamp", "Electronics"))
                .size(ImageGenerateParams.Size._1024X1024).build();
        try {
            assertThat(pixels(legacy.images().generate(mug))).isNotEqualTo(pixels(legacy.images().generate(lamp)));
            emulator.renderOncePerShape(true);
            byte[] mugBytes = Base64.getDecoder().decode(b64(legacy.images().generate(mug)));
            byte[] lampBytes = Base64.getDecoder().decode(b64(legacy.images().generate(lamp)));
            assertThat(pixels(mugBytes)).isEqualTo(pixels(lampBytes));
            // drawn once, but each image still carries the prompt it was asked for (the vision emulator reads it)
            assertThat(PromptChunk.read(mugBytes)).isEqualTo(mug.prompt());
            assertThat(PromptChunk.read(lampBytes)).isEqualTo(lamp.prompt());
            assertThat(emulator.stats().generations()).isEqualTo(4);
        } finally {
            emulator.renderOncePerShape(false);
        }
    }

    private static int[] pixels(ImagesResponse response) throws IOException {
        return pixels(Base64.getDecoder().decode(b64(response)));
    }

    private static int[] pixels(byte[] bytes) throws IOException {
        BufferedImage image = decode(bytes);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static String b64(ImagesResponse response) {
        return response.data().orElseThrow().get(0).b64Json().orElseThrow();
    }

    @Test
    void rateLimitCanBeChangedAtRuntime() {
        try (ImageApiEmulator limited = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
             AzureClients.Closing client = AzureClients.closing(AzureClients.unified(limited.baseUri().toString(), KEY))) {
            limited.configure(ImageApiEmulator.Config.change().withRequestsPerMinute("gpt-image-1.5", 12));
            ImageGenerateParams request = params("gpt-image-1.5", "a mug").quality(ImageGenerateParams.Quality.LOW).build();
            client.images().generate(request);
            client.images().generate(request); // capacity 12/6 = 2
            assertThatThrownBy(() -> client.images().generate(request)).isInstanceOf(RateLimitException.class);
            limited.configure(ImageApiEmulator.Config.change().withRequestsPerMinute("gpt-image-1.5", 0));
            assertThat(client.images().generate(request).data()).isPresent();
        }
    }

    @Test
    void latencyDelaysTheAnswerAndRequestsRunConcurrently() throws Exception {
        ImageApiEmulator.Options options = ImageApiEmulator.Options.defaults().withLatency(Duration.ofMillis(300));
        try (ImageApiEmulator slow = ImageApiEmulator.start(options);
             AzureClients.Closing client = AzureClients.closing(AzureClients.legacy(slow.baseUri().toString(), KEY))) {
            ImageGenerateParams request = params("gpt-image-1-mini", "a mug").quality(ImageGenerateParams.Quality.LOW).build();
            long start = System.nanoTime();
            client.images().generate(request);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                start = System.nanoTime();
                List<Future<ImagesResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> client.images().generate(request)));
                }
                for (Future<ImagesResponse> call : calls) {
                    assertThat(call.get().data()).isPresent();
                }
                // eight 300 ms calls in sequence would take 2.4 s
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
            } finally {
                pool.shutdownNow();
            }
            assertThat(slow.stats().generations()).isEqualTo(9);
        }
    }

    @Test
    void liveDallE3DeploymentAnswersWithRevisedPromptAndNoUsage() throws Exception {
        ImageApiEmulator.Options options = ImageApiEmulator.Options.defaults().withApiKey(null)
                .withDeployment(ImageApiEmulator.Deployment.of("dall-e-3"));
        try (ImageApiEmulator old = ImageApiEmulator.start(options)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(old.baseUri()
                            + "/openai/deployments/dall-e-3/images/generations?api-version=2024-02-01"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Product Name: Mug\",\"size\":\"1792x1024\","
                            + "\"quality\":\"hd\",\"style\":\"natural\",\"response_format\":\"b64_json\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JsonHttpServer.JSON.readTree(response.body());
            assertThat(body.has("usage")).isFalse();
            assertThat(body.at("/data/0/revised_prompt").asText()).contains("Mug");
            BufferedImage image = decode(Base64.getDecoder().decode(body.at("/data/0/b64_json").asText()));
            assertThat(image.getWidth()).isEqualTo(1792);

            HttpResponse<String> twoImages = HTTP.send(HttpRequest.newBuilder(URI.create(old.baseUri()
                            + "/openai/deployments/dall-e-3/images/generations?api-version=2024-02-01"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a mug\",\"n\":2}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(twoImages.statusCode()).isEqualTo(400);
            assertThat(JsonHttpServer.JSON.readTree(twoImages.body()).at("/error/param").asText()).isEqualTo("n");
        }
    }
}
