package com.catalogimage.scanner.rest;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.scanner.service.StatusStore;
import com.catalogimage.scanner.support.DeadLetterWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class DeadLetterApiTest {

    static final String KEY = "test-operator-key";

    @Inject
    StatusStore store;

    @Test
    void listsDeadLettersOfEveryStageWithTheirDetailsAndFilters() {
        long policy = newProductId();
        long invalid = newProductId();
        long poison = newProductId();
        String policyId = generatorPolicyDeadLetter(policy, "Blue Denim Jeans");
        GeneratedImage image = new GeneratedImage(request(invalid, "Ceramic Vase", 1), new byte[64 * 1024], "image/png",
                "gpt-image-1-mini", "gpt-image-1-mini", "1024x1024", "low", null, new BigDecimal("0.011"), null, Instant.now());
        String invalidId = DeadLetterWriter.write(invalid, image, DeadLetterWriter.stageHeaders(Topics.GENERATED_IMAGES,
                new IllegalArgumentException("not a PNG: bad magic bytes"), DeadLetterReason.INVALID_IMAGE, "blob-uploader", 1));
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        // An unreadable record as SmallRye dead-letters it: only its own headers, the value as it came.
        String poisonId = DeadLetterWriter.writeRaw(poison, "{\"requestId\": tru".getBytes(StandardCharsets.UTF_8),
                DeadLetterWriter.smallRyeHeaders(Topics.IMAGE_REQUESTS, new RecordDeserializationException(
                        RecordDeserializationException.DeserializationExceptionOrigin.VALUE, null, 0, 0, null, null, null,
                        null, "Error deserializing VALUE", new SerializationException("not a valid ImageRequest"))),
                anHourAgo);

        JsonPath policyEntry = list(Map.of("productId", policy));
        assertThat(policyEntry.getInt("total")).isEqualTo(1);
        assertThat(policyEntry.getString("deadLetters[0].id")).isEqualTo(policyId);
        assertThat(policyEntry.getString("deadLetters[0].reason")).isEqualTo("CONTENT_POLICY");
        assertThat(policyEntry.getString("deadLetters[0].stage")).isEqualTo("image-generator");
        assertThat(policyEntry.getString("deadLetters[0].originalTopic")).isEqualTo(Topics.IMAGE_REQUESTS);
        assertThat(policyEntry.getString("deadLetters[0].valueType")).isEqualTo("ImageRequest");
        assertThat(policyEntry.getString("deadLetters[0].productName")).isEqualTo("Blue Denim Jeans");
        assertThat(policyEntry.getString("deadLetters[0].requestId")).isEqualTo("r-" + policy);
        // the product itself, for a rewrite of its refused prompt
        assertThat(policyEntry.getString("deadLetters[0].product.name")).isEqualTo("Blue Denim Jeans");
        assertThat(policyEntry.getLong("deadLetters[0].product.id")).isEqualTo(policy);
        assertThat(policyEntry.getString("deadLetters[0].cause")).contains("safety system");
        assertThat(policyEntry.getInt("deadLetters[0].attempts")).isEqualTo(1);
        assertThat(policyEntry.getBoolean("deadLetters[0].replayed")).isFalse();
        assertThat(policyEntry.getString("deadLetters[0].timestamp")).isNotBlank();

        JsonPath invalidEntry = list(Map.of("productId", invalid));
        assertThat(invalidEntry.getString("deadLetters[0].reason")).isEqualTo("INVALID_IMAGE");
        assertThat(invalidEntry.getString("deadLetters[0].stage")).isEqualTo("blob-uploader");
        assertThat(invalidEntry.getString("deadLetters[0].valueType")).isEqualTo("GeneratedImage");
        assertThat(invalidEntry.getString("deadLetters[0].productName")).isEqualTo("Ceramic Vase");
        assertThat(invalidEntry.getMap("deadLetters[0]")).doesNotContainKeys("image", "request");

        JsonPath poisonEntry = list(Map.of("productId", poison));
        assertThat(poisonEntry.getString("deadLetters[0].id")).isEqualTo(poisonId);
        assertThat(poisonEntry.getString("deadLetters[0].reason")).isEqualTo("POISON");
        assertThat(poisonEntry.getString("deadLetters[0].valueType")).isEqualTo("unreadable");
        assertThat(poisonEntry.getString("deadLetters[0].productName")).isNull();
        assertThat(poisonEntry.getString("deadLetters[0].product")).isNull();
        assertThat(poisonEntry.getString("deadLetters[0].stage")).isEqualTo("image-generator");

        assertThat(ids(list(Map.of("reason", "invalid_image", "stage", "blob-uploader", "limit", 1000))))
                .contains(invalidId).doesNotContain(policyId, poisonId);
        assertThat(ids(list(Map.of("reason", "CONTENT_POLICY", "limit", 1000)))).contains(policyId).doesNotContain(invalidId);
        String halfAnHourAgo = Instant.now().minus(Duration.ofMinutes(30)).toString();
        assertThat(ids(list(Map.of("until", halfAnHourAgo, "limit", 1000)))).contains(poisonId).doesNotContain(policyId, invalidId);
        assertThat(ids(list(Map.of("since", halfAnHourAgo, "limit", 1000)))).contains(policyId, invalidId).doesNotContain(poisonId);
        JsonPath one = list(Map.of("limit", 1));
        assertThat(one.getInt("returned")).isEqualTo(1);
        assertThat(one.getInt("total")).isGreaterThanOrEqualTo(3);

        given().header("X-API-Key", KEY).queryParam("since", "yesterday").get("/dead-letters").then().statusCode(400);
    }

    @Test
    void aReplayWithAPromptOverrideRequestsOnceAsANewAttemptAndNeverTwice() {
        long product = newProductId();
        String id = generatorPolicyDeadLetter(product, "Blue Denim Jeans");
        Map<String, Object> body = Map.of("ids", List.of(id),
                "promptOverrides", Map.of(String.valueOf(product), "Blue trousers folded on a white table, no text."));

        JsonPath first = replay(body);
        assertThat(first.getString("results[0].outcome")).isEqualTo("REPLAYED");
        assertThat(first.getString("results[0].requestId")).isEqualTo("replay-" + id);
        assertThat(first.getInt("replayed")).isEqualTo(1);

        List<ImageRequest> requests = topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer());
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo("replay-" + id);
            assertThat(request.origin()).isEqualTo(ImageRequest.Origin.REPLAY);
            assertThat(request.attempt()).isEqualTo(2);
            assertThat(request.promptOverride()).isEqualTo("Blue trousers folded on a white table, no text.");
            assertThat(request.templateOverride()).isNull();
            assertThat(request.product().name()).isEqualTo("Blue Denim Jeans");
        });
        assertThat(topics().values(Topics.IMAGE_STATUS, String.valueOf(product), new ProductStatusDeserializer()))
                .filteredOn(status -> status.state() == State.REQUESTED).singleElement()
                .satisfies(status -> assertThat(status.requestId()).isEqualTo("replay-" + id));

        // The replay fails again: a fresh dead letter, the product DEAD_LETTERED again under the replay's request id.
        DeadLetterWriter.status(ProductStatus.deadLettered(requests.get(0), DeadLetterReason.CONTENT_POLICY,
                "rejected again", "image-generator"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.get(product).map(ProductStatus::state)
                .filter(State.DEAD_LETTERED::equals).isPresent());

        JsonPath second = replay(body);
        assertThat(second.getString("results[0].outcome")).isEqualTo("ALREADY_REPLAYED");
        assertThat(second.getString("results[0].requestId")).isEqualTo("replay-" + id);
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer())).hasSize(1);

        JsonPath listed = list(Map.of("productId", product));
        assertThat(listed.getBoolean("deadLetters[0].replayed")).isTrue();
        assertThat(listed.getString("deadLetters[0].replayRequestId")).isEqualTo("replay-" + id);
    }

    @Test
    void aPolicyViolationIsReplayedWithoutAnEditedPromptOnlyWhenForced() {
        long product = newProductId();
        String id = generatorPolicyDeadLetter(product, "Swimwear Set");

        JsonPath refused = replay(Map.of("ids", List.of(id)));
        assertThat(refused.getString("results[0].outcome")).isEqualTo("REFUSED");
        assertThat(refused.getString("results[0].reason")).contains("content-policy").contains("force");
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer())).isEmpty();

        JsonPath forced = replay(Map.of("ids", List.of(id), "force", true));
        assertThat(forced.getString("results[0].outcome")).isEqualTo("REPLAYED");
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.promptOverride()).isNull();
                    assertThat(request.attempt()).isEqualTo(2);
                });
    }

    @Test
    void aFilterReplaysWithTheTemplateOverrideAndUnreplayableLettersAreRefusedWithTheirReason() {
        long product = newProductId();
        String id = DeadLetterWriter.write(product, request(product, "Garden Hose", 3), DeadLetterWriter.stageHeaders(
                Topics.IMAGE_REQUESTS, new RuntimeException("HTTP 503"), DeadLetterReason.RETRIES_EXHAUSTED,
                "image-generator", 4));
        long poison = newProductId();
        String poisonId = DeadLetterWriter.writeRaw(poison, new byte[] {0, 1, 2},
                DeadLetterWriter.stageHeaders(Topics.IMAGE_REQUESTS, new SerializationException("garbage"),
                        DeadLetterReason.POISON, "image-generator", 0), null);

        JsonPath byFilter = replay(Map.of("filter", Map.of("productId", product, "reason", "RETRIES_EXHAUSTED"),
                "templateOverride", "A studio photo of {name} on white."));
        assertThat(byFilter.getList("results.id")).containsExactly(id);
        assertThat(byFilter.getString("results[0].outcome")).isEqualTo("REPLAYED");
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.templateOverride()).isEqualTo("A studio photo of {name} on white.");
                    assertThat(request.attempt()).isEqualTo(4);
                });

        JsonPath refused = replay(Map.of("ids", List.of(poisonId, "5-999999999", id), "force", true));
        assertThat(refused.getList("results.outcome")).containsExactlyInAnyOrder("REFUSED", "REFUSED", "ALREADY_REPLAYED");
        assertThat(refused.getString("results.find { it.id == '" + poisonId + "' }.reason")).contains("cannot be read");
        assertThat(refused.getString("results.find { it.id == '5-999999999' }.reason")).isEqualTo("no such dead letter");

        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(Map.of("force", true))
                .post("/dead-letters/replay").then().statusCode(400);
    }

    @Test
    void aProductInFlightIsNotReplayed() {
        long product = newProductId();
        String id = generatorPolicyDeadLetter(product, "Desk Lamp");
        ImageRequest again = new ImageRequest("scan-" + product, new Product(product, "Desk Lamp", "A lamp.", 1, "Home", null),
                2, null, ImageRequest.Origin.SCAN, Instant.now());
        DeadLetterWriter.status(ProductStatus.of(again, State.REQUESTED, null, "product-scanner"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.get(product).map(ProductStatus::state)
                .filter(State.REQUESTED::equals).isPresent());

        JsonPath refused = replay(Map.of("ids", List.of(id), "force", true));
        assertThat(refused.getString("results[0].outcome")).isEqualTo("REFUSED");
        assertThat(refused.getString("results[0].reason")).contains("REQUESTED");
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(product), new ImageRequestDeserializer())).isEmpty();
    }

    @Test
    void listingAndReplayingNeedTheOperatorsCredentials() {
        given().get("/dead-letters").then().statusCode(401);
        given().header("X-API-Key", "wrong").get("/dead-letters").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("0-0"))).post("/dead-letters/replay")
                .then().statusCode(401);
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body(Map.of("ids", List.of("0-0")))
                .post("/dead-letters/replay").then().statusCode(401);
        // OIDC is off by default: a bearer token is no credential, and nothing breaks.
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/dead-letters").then().statusCode(401);
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").post("/scans").then().statusCode(401);
    }

    static long newProductId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    static ImageRequest request(long product, String name, int attempt) {
        return new ImageRequest("r-" + product, new Product(product, name, "A " + name.toLowerCase() + " for the catalog.",
                1, "Apparel", null), attempt, null, ImageRequest.Origin.SCAN, Instant.now());
    }

    /** What the generator writes on a content-policy refusal: DEAD_LETTERED, then the nack's dead letter. */
    static String generatorPolicyDeadLetter(long product, String name) {
        ImageRequest request = request(product, name, 1);
        DeadLetterWriter.status(ProductStatus.deadLettered(request, DeadLetterReason.CONTENT_POLICY, "safety system",
                "image-generator"));
        return DeadLetterWriter.write(product, request, DeadLetterWriter.stageHeaders(Topics.IMAGE_REQUESTS,
                new IllegalStateException("content_policy_violation: Your request was rejected as a result of our safety system"),
                DeadLetterReason.CONTENT_POLICY, "image-generator", 1));
    }

    static JsonPath list(Map<String, ?> query) {
        return given().header("X-API-Key", KEY).queryParams(query).get("/dead-letters")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath replay(Map<String, ?> body) {
        return given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(body).post("/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath listing) {
        return listing.getList("deadLetters.id");
    }
}
