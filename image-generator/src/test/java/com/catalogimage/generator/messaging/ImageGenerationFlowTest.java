package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static com.catalogimage.localstack.testing.TopicRecords.header;
import static io.restassured.RestAssured.given;
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
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator against the real broker and the image-API emulator: what lands on which topic for each outcome. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class ImageGenerationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    /** The test profile's short delayed-retry topics, created by {@link RetryTopicsTestResource}. */
    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.image-requests.delayed-retry-topic.topics")
    List<String> retryTopics;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void requestBecomesAPngOnGeneratedImagesAndAGeneratedStatusWithItsCost() {
        ImageRequest request = request("Kids Dinosaur Pajamas", "Set of kids pajamas with colorful dinosaur prints, neatly folded.");
        String key = send(request);

        ConsumerRecord<String, GeneratedImage> record =
                topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT).get(0);
        GeneratedImage image = record.value();
        assertThat(image.request()).isEqualTo(request);
        assertThat(image.image()).startsWith(PNG_SIGNATURE);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.model()).isEqualTo("gpt-image-2");
        assertThat(image.deployment()).isEqualTo("gpt-image-2");
        assertThat(image.size()).isEqualTo("1024x1024");
        assertThat(image.quality()).isEqualTo("low");
        assertThat(image.usage()).isNotNull();
        assertThat(image.usage().inputTokens()).isPositive();
        // gpt-image-2 is billed per token: the answer's usage at the profile's prices
        BigDecimal cost = ImageModels.defaults().profile("gpt-image-2").orElseThrow().cost("low", "1024x1024", 1, false,
                image.usage().inputTokens(), 0L, image.usage().outputTokens()).orElseThrow();
        assertThat(image.costUsd()).isEqualByComparingTo(cost);
        assertThat(image.variants()).isEmpty();

        ProductStatus status = awaitStatus(key, State.GENERATED);
        assertThat(status.requestId()).isEqualTo(request.requestId());
        assertThat(status.stage()).isEqualTo("image-generator");
        // the image and its quality check (advisory by default), which travels with it and in the status
        assertThat(image.verdict()).isNotNull();
        assertThat(status.verdict()).isEqualTo(image.verdict());
        assertThat(status.costUsd()).isEqualByComparingTo(cost.add(image.verdict().costUsd()));
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
        assertThat(emulator.stats().generationsByPrompt().keySet())
                .anyMatch(prompt -> prompt.contains("Product Name: Kids Dinosaur Pajamas")
                        && prompt.contains("Category: Apparel") && !prompt.contains("Tags:"));
        // The prompt as sent travels with the image (reviewers and the blob's metadata read it).
        assertThat(emulator.stats().generationsForPrompt(image.prompt())).isEqualTo(1);
        assertThat(image.prompt()).contains("Product Name: Kids Dinosaur Pajamas");
    }

    @Test
    void operatorsPromptOverrideIsSentInsteadOfTheTemplate() {
        String override = "A pair of blue trousers folded on white, catalog photo " + UUID.randomUUID();
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                product("Blue Denim Jeans", "Pair of blue denim jeans, straight fit."), 2, override,
                ImageRequest.Origin.REPLAY, Instant.now());
        String key = send(request);

        GeneratedImage image = topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT)
                .get(0).value();
        assertThat(emulator.stats().generationsForPrompt(override)).isEqualTo(1);
        assertThat(image.prompt()).isEqualTo(override);
    }

    @Test
    void contentPolicyRefusalIsDeadLetteredAtOnceAndNeverRetried() {
        long refusalsBefore = emulator.stats().responses(400);
        ImageRequest request = request("Blue Denim Jeans", "Pair of blue denim jeans, straight fit, laid flat with visible stitching.");
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(request);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("CONTENT_POLICY");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("image-generator");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, "delayed-retry-reason")).contains("content_policy_violation");
        ProductStatus status = awaitStatus(key, State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ReasonCode.CONTENT_POLICY);
        assertThat(emulator.stats().responses(400) - refusalsBefore).isEqualTo(1);
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void transientServerErrorIsRetriedAndTheImageStillArrives() {
        emulator.faults().forDeployment("gpt-image-2").failNext(503, 1);
        ImageRequest request = request("Ceramic Coffee Mug", "White ceramic coffee mug with a curved handle, 350 ml.");
        String key = send(request);

        topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT);
        assertThat(awaitStatus(key, State.GENERATED).detail()).contains("2 call(s) in delivery 1");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
    }

    @Test
    void serverErrorsThatOutlastEveryRetryGoThroughTheRetryTopicsThenAreDeadLetteredAsRetriesExhausted() {
        // 3 calls per delivery (1 + 2 in-process retries), 4 deliveries (the first + 3 delayed retries)
        emulator.faults().forDeployment("gpt-image-2").failNext(500, 12);
        ImageRequest request = request("Wireless Gamer Mouse", "Ergonomic wireless gaming mouse with RGB lighting and six buttons.");
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(request);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("image-generator");
        // Attempts count deliveries, as in every stage (DeadLetterHeaders.ATTEMPTS); the calls are in the emulator's count.
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("4");
        assertThat(emulator.stats().responses(500)).isGreaterThanOrEqualTo(12);
        assertThat(header(dead, "delayed-retry-count")).isEqualTo("3");
        assertThat(header(dead, "delayed-retry-reason")).contains("TRANSIENT");
        for (String retryTopic : retryTopics) {
            assertThat(topics().read(retryTopic, key, new ByteArrayDeserializer())).hasSize(1);
        }
        assertThat(awaitStatus(key, State.DEAD_LETTERED).reason()).isEqualTo(ReasonCode.RETRIES_EXHAUSTED);
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isZero();
    }

    @Test
    void transientFailureOutlastingTheInProcessRetriesIsServedFromARetryTopic() {
        emulator.faults().forDeployment("gpt-image-2").failNext(503, 3);
        ImageRequest request = request("Linen Table Napkins", "Set of four linen table napkins in natural beige.");
        String key = send(request);

        topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT);
        // 3 calls fail in the first delivery (1 + 2 in-process retries); the first retry topic's delivery is served.
        assertThat(awaitStatus(key, State.GENERATED).detail()).contains("1 call(s) in delivery 2");
        assertThat(topics().read(retryTopics.get(0), key, new ByteArrayDeserializer()))
                .hasSize(1);
        assertThat(topics().read(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void sameRequestSentTwiceIsGeneratedOnce() {
        ImageRequest request = request("Wool Beanie Hat", "Knitted wool beanie hat in charcoal grey.");
        String key = send(request);
        topics().send(Topics.IMAGE_REQUESTS, key, request);
        awaitStatus(key, State.GENERATED);
        // the second copy, whenever it is consumed, is acknowledged as a duplicate
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(given().when().get("/q/metrics")
                .then().extract().asString()).contains("generator_requests_total{outcome=\"duplicate\""));
        String replayedLater = send(request);
        assertThat(replayedLater).isEqualTo(key);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> emulator.stats().generationsForRequestId(request.requestId()) == 1);
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).hasSize(1);
    }

    @Test
    void promptTheServiceRefusesIsDeadLetteredAsInvalidRequest() {
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                product("Chocolate Bar", "Rich milk chocolate bar, perfect for snacking."), 2, "x".repeat(32_001),
                ImageRequest.Origin.REPLAY, Instant.now());
        String key = send(request);

        ConsumerRecord<String, ImageRequest> dead = awaitDeadLetter(key);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(awaitStatus(key, State.DEAD_LETTERED).reason()).isEqualTo(ReasonCode.INVALID_REQUEST);
    }

    @Test
    void poisonRecordIsDeadLetteredAsItCameAndTheNextRequestIsStillServed() {
        // a tombstone (no value at all) is poison too, and has a product id to put a status on
        long tombstoneId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        topics().sendBytes(Topics.IMAGE_REQUESTS, String.valueOf(tombstoneId), null);
        assertThat(awaitStatus(String.valueOf(tombstoneId), State.DEAD_LETTERED).reason()).isEqualTo(ReasonCode.POISON);

        long productId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        String key = String.valueOf(productId);
        byte[] garbage = "{\"requestId\": not json".getBytes(StandardCharsets.UTF_8);
        topics().sendBytes(Topics.IMAGE_REQUESTS, key, garbage);

        ConsumerRecord<String, byte[]> dead =
                topics().await(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer(), 1, WAIT).get(0);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("image-generator");
        assertThat(header(dead, "delayed-retry-offset")).isNotNull();
        assertThat(header(dead, "dead-letter-attempts")).isEqualTo("0");
        assertThat(awaitStatus(key, State.DEAD_LETTERED).reason()).isEqualTo(ReasonCode.POISON);

        ImageRequest next = new ImageRequest(UUID.randomUUID().toString(),
                new Product(productId, "Steel Water Bottle", "Insulated steel water bottle, matte black, 750 ml.", 1,
                        "Kitchen", "outdoor"), 2, null, ImageRequest.Origin.SCAN, Instant.now());
        topics().send(Topics.IMAGE_REQUESTS, key, next);
        topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT);
    }

    @Test
    void metricsCountOutcomesCostAndLatency() {
        String key = send(request("Bamboo Cutting Board", "Rectangular bamboo cutting board with a juice groove."));
        awaitStatus(key, State.GENERATED);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("generator_requests_total{outcome=\"generated\"")
                .contains("generator_cost_usd_total{model=\"gpt-image-2\"")
                .contains("generator_tokens_total{type=\"input\"")
                .contains("generator_generation_duration_seconds_count{deployment=\"gpt-image-2\",outcome=\"generated\"")
                .contains("generator_halted ");
    }

    // --- helpers ---

    private static ImageRequest request(String name, String description) {
        return new ImageRequest(UUID.randomUUID().toString(), product(name, description), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
    }

    private static Product product(String name, String description) {
        return new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name, description, 3,
                "Apparel", null);
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
