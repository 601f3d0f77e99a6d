package com.catalogimage.scanner.rest;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.scanner.service.StatusStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operators' "request again" (stuck, awaiting review, rejected by a reviewer), through HTTP with the API key. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class ProductResourceTest {

    static final String KEY = "test-operator-key";

    @Inject
    StatusStore store;

    @Test
    void aStuckProductIsRequestedAgainOnceAsANewManualAttempt() {
        long id = insert("Wool Throw " + UUID.randomUUID(), "A chunky knitted wool throw in oatmeal, 130 by 170 cm.");
        writeStatus(new ProductStatus(id, "r-" + UUID.randomUUID(), 1, State.GENERATED, null, null, "image-generator",
                Instant.now().minus(Duration.ofHours(2)), null));

        String requestId = given().header("X-API-Key", KEY).when().post("/products/" + id + "/request-again").then()
                .statusCode(200)
                .body("productId", equalTo((int) id))
                .body("attempt", equalTo(2))
                .body("requestId", notNullValue())
                .extract().path("requestId");

        List<ImageRequest> requests = topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer());
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo(requestId);
            assertThat(request.origin()).isEqualTo(ImageRequest.Origin.MANUAL);
            assertThat(request.attempt()).isEqualTo(2);
        });
        // Now it is in flight again, not stuck: a second press is refused and writes nothing.
        given().header("X-API-Key", KEY).when().post("/products/" + id + "/request-again").then()
                .statusCode(409)
                .body("message", containsString("REQUESTED"));
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).hasSize(1);
    }

    @Test
    void aProductNotStuckIsRefusedWithAProblem() {
        long fresh = insert("Rattan Basket " + UUID.randomUUID(), "A round rattan storage basket with two handles.");
        writeStatus(new ProductStatus(fresh, "r-" + UUID.randomUUID(), 1, State.REQUESTED, null, null, "product-scanner",
                Instant.now(), null));
        long done = insert("Slate Coasters " + UUID.randomUUID(), "Set of four natural slate coasters with felt feet.");
        writeStatus(new ProductStatus(done, "r-" + UUID.randomUUID(), 1, State.DEAD_LETTERED,
                ProductStatus.ReasonCode.CONTENT_POLICY, null, "image-generator", Instant.now().minus(Duration.ofDays(1)), null));
        long never = insert("Cork Board " + UUID.randomUUID(), "A framed cork notice board, 60 by 40 cm, oak frame.");

        for (long id : List.of(fresh, done, never)) {
            given().header("X-API-Key", KEY).when().post("/products/" + id + "/request-again").then()
                    .statusCode(409)
                    .body("message", containsString("product " + id));
            assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        }
    }

    @Test
    void anImageAwaitingReviewIsRegeneratedWithTheReviewersPromptCleaned() {
        long id = insert("Oak Stool " + UUID.randomUUID(), "A three-legged oak milking stool, oiled finish.");
        String pending = "r-" + UUID.randomUUID();
        writeStatus(new ProductStatus(id, pending, 1, State.AWAITING_REVIEW, null, "products/x.png", "blob-uploader",
                Instant.now(), null));

        given().header("X-API-Key", KEY).contentType("application/json")
                .body("{\"prompt\":\"  An oak stool on a white background,\\u0000 soft light  \"}")
                .when().post("/products/" + id + "/request-again").then()
                .statusCode(200)
                .body("attempt", equalTo(2));

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.origin()).isEqualTo(ImageRequest.Origin.MANUAL);
                    assertThat(request.attempt()).isEqualTo(2);
                    assertThat(request.promptOverride()).isEqualTo("An oak stool on a white background, soft light");
                    assertThat(request.templateOverride()).isNull();
                });
        // The REQUESTED is on the status topic with the request (one transaction), and supersedes the pending image.
        await().atMost(Duration.ofSeconds(15)).until(() -> store.get(id).map(s -> s.state() == State.REQUESTED).orElse(false));
        assertThat(store.get(id).get().requestId()).isNotEqualTo(pending);
    }

    @Test
    void aProductAReviewerRejectedIsRequestedAgainWithATemplate() {
        long id = insert("Jute Rug " + UUID.randomUUID(), "A hand-braided round jute rug, 120 cm across.");
        writeStatus(new ProductStatus(id, "r-" + UUID.randomUUID(), 3, State.SKIPPED,
                ProductStatus.ReasonCode.REJECTED_BY_REVIEWER, "rejected by operator: too dark", "blob-uploader",
                Instant.now(), null));

        given().header("X-API-Key", KEY).contentType("application/json")
                .body("{\"template\":\"A studio photo of {name}: {description}\"}")
                .when().post("/products/" + id + "/request-again").then()
                .statusCode(200)
                .body("attempt", equalTo(4));

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.promptOverride()).isNull();
                    assertThat(request.templateOverride()).isEqualTo("A studio photo of {name}: {description}");
                });
    }

    @Test
    void aRestyleAwaitingReviewIsRequestedAgainAsARestyleOfTheCatalogsImage() {
        String original = "https://cdn.example.com/" + UUID.randomUUID() + ".jpg";
        long id = DabEmulatorTestResource.emulator().insertProduct("Straw Hat " + UUID.randomUUID(),
                "A wide-brimmed natural straw sun hat with a black band.", 3, "test", new BigDecimal("9.99"), original);
        ImageRequest restyle = new ImageRequest("r-" + UUID.randomUUID(), new com.catalogimage.contracts.Product(id,
                "Straw Hat", "A hat.", 3, "Home & Kitchen", null).withImageUrls(original, null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now()).withMode(ImageRequest.Mode.RESTYLE);
        writeStatus(ProductStatus.of(restyle, State.AWAITING_REVIEW, "images/x.png", "blob-uploader"));

        given().header("X-API-Key", KEY).when().post("/products/" + id + "/request-again").then()
                .statusCode(200)
                .body("attempt", equalTo(2));

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.isRestyle()).isTrue();
                    assertThat(request.product().imageUrl()).isEqualTo(original);
                });
    }

    @Test
    void aCompletedProductIsRefusedEvenWithAPrompt() {
        long id = insert("Glass Carafe " + UUID.randomUUID(), "A one-litre borosilicate glass carafe with a cork stopper.");
        writeStatus(new ProductStatus(id, "r-" + UUID.randomUUID(), 1, State.COMPLETED, null, null, "catalog-updater",
                Instant.now().minus(Duration.ofDays(1)), null));

        given().header("X-API-Key", KEY).contentType("application/json").body("{\"prompt\":\"a carafe\"}")
                .when().post("/products/" + id + "/request-again").then()
                .statusCode(409)
                .body("message", containsString("COMPLETED"));
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
    }

    @Test
    void aStuckProductTheCatalogNoLongerHasIsNotFound() {
        long gone = 987_654_321L;
        writeStatus(new ProductStatus(gone, "r-" + UUID.randomUUID(), 1, State.STORED, null, null, "blob-uploader",
                Instant.now().minus(Duration.ofHours(3)), null));

        given().header("X-API-Key", KEY).when().post("/products/" + gone + "/request-again").then()
                .statusCode(404)
                .body("message", containsString("no product"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().header("X-API-Key", KEY).contentType("application/json").body("prompt=a stool")
                .when().post("/products/1/request-again").then()
                .statusCode(400)
                .body("message", containsString("JSON"));
    }

    @Test
    void requestingAgainIsForOperatorsOnly() {
        given().when().post("/products/1/request-again").then().statusCode(401);
        given().header("X-API-Key", "wrong").when().post("/products/1/request-again").then().statusCode(401);
    }

    @Test
    void anOnDemandGenerationIsOneManualRequestPerIdempotencyKey() {
        long id = insert("Linen Apron " + UUID.randomUUID(), "A stonewashed linen apron with two front pockets.");
        String key = UUID.randomUUID().toString();

        String requestId = given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"prompt\":\"  A linen apron on a hook,\\u0000 white wall  \"}")
                .when().post("/products/" + id + "/generations").then()
                .statusCode(202)
                .body("productId", equalTo((int) id))
                .body("attempt", equalTo(1))
                .extract().path("requestId");
        assertThat(requestId).matches("manual-[0-9a-f]{32}");
        // The same key again: the same answer, nothing new on the topic.
        given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"prompt\":\"something else\"}")
                .when().post("/products/" + id + "/generations").then()
                .statusCode(202)
                .body("requestId", equalTo(requestId))
                .body("attempt", equalTo(1));

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.requestId()).isEqualTo(requestId);
                    assertThat(request.origin()).isEqualTo(ImageRequest.Origin.MANUAL);
                    assertThat(request.promptOverride()).isEqualTo("A linen apron on a hook, white wall");
                });
        List<ProductStatus> statuses = topics().values(Topics.IMAGE_STATUS, String.valueOf(id),
                new com.catalogimage.contracts.serde.ProductStatusDeserializer());
        assertThat(statuses).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(State.REQUESTED);
            assertThat(status.requestId()).isEqualTo(requestId);
        });
        // Another key while that request is in flight: refused, nothing written.
        given().header("X-API-Key", KEY).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/products/" + id + "/generations").then()
                .statusCode(409)
                .body("message", containsString("in flight"));
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).hasSize(1);
    }

    @Test
    void anOnDemandGenerationNeedsAnIdempotencyKeyAndAProductWithoutAnImage() {
        long id = insert("Felt Slippers " + UUID.randomUUID(), "Grey wool felt slippers with a suede sole.");
        given().header("X-API-Key", KEY).when().post("/products/" + id + "/generations").then()
                .statusCode(400)
                .body("message", containsString("Idempotency-Key"));
        long withImage = DabEmulatorTestResource.emulator().insertProduct("Tin Lantern " + UUID.randomUUID(),
                "A punched tin lantern for a tea light.", 3, "test", new BigDecimal("9.99"), "https://example.com/x.png");
        given().header("X-API-Key", KEY).header("Idempotency-Key", "k-1")
                .when().post("/products/" + withImage + "/generations").then()
                .statusCode(409)
                .body("message", containsString("has an image"));
        given().header("Idempotency-Key", "k-1").when().post("/products/" + id + "/generations").then().statusCode(401);
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer())).isEmpty();
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(withImage), new ImageRequestDeserializer()))
                .isEmpty();
    }

    @Test
    void aRestyleOnDemandIsForAProductWithAnImageAndCarriesItAsTheOriginal() {
        String original = "https://cdn.example.com/" + UUID.randomUUID() + ".jpg";
        long withImage = DabEmulatorTestResource.emulator().insertProduct("Enamel Mug " + UUID.randomUUID(),
                "A white enamel camping mug with a blue rim.", 3, "test", new BigDecimal("9.99"), original);
        long without = insert("Tin Cup " + UUID.randomUUID(), "A small tin cup with a rolled rim.");

        given().header("X-API-Key", KEY).header("Idempotency-Key", "r-1").contentType("application/json")
                .body("{\"mode\":\"restyle\"}").when().post("/products/" + without + "/generations").then()
                .statusCode(409)
                .body("message", containsString("no image in the catalog to restyle"));
        given().header("X-API-Key", KEY).header("Idempotency-Key", "r-2").contentType("application/json")
                .body("{\"mode\":\"repaint\"}").when().post("/products/" + withImage + "/generations").then()
                .statusCode(400)
                .body("message", containsString("restyle"));
        String requestId = given().header("X-API-Key", KEY).header("Idempotency-Key", "r-3")
                .contentType("application/json").body("{\"mode\":\"Restyle\"}")
                .when().post("/products/" + withImage + "/generations").then()
                .statusCode(202)
                .extract().path("requestId");

        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(without), new ImageRequestDeserializer()))
                .isEmpty();
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(withImage), new ImageRequestDeserializer()))
                .singleElement().satisfies(request -> {
                    assertThat(request.requestId()).isEqualTo(requestId);
                    assertThat(request.isRestyle()).isTrue();
                    assertThat(request.product().imageUrl()).isEqualTo(original);
                    assertThat(request.referencePhotoUrl()).isEqualTo(original);
                });
        assertThat(topics().values(Topics.IMAGE_STATUS, String.valueOf(withImage),
                new com.catalogimage.contracts.serde.ProductStatusDeserializer())).singleElement()
                .satisfies(status -> {
                    assertThat(status.state()).isEqualTo(State.REQUESTED);
                    assertThat(status.originalImageUrl()).isEqualTo(original);
                });
    }

    @Test
    void aProductIsReadFromTheCatalog() {
        long id = insert("Beech Spoon " + UUID.randomUUID(), "A hand-carved beech cooking spoon, 30 cm.");
        given().header("X-API-Key", KEY).when().get("/products/" + id).then()
                .statusCode(200)
                .body("product.id", equalTo((int) id))
                .body("product.description", equalTo("A hand-carved beech cooking spoon, 30 cm."))
                .body("hasImage", equalTo(false));
        given().header("X-API-Key", KEY).when().get("/products/987654322").then().statusCode(404);
    }

    private static long insert(String name, String description) {
        return DabEmulatorTestResource.emulator().insertProduct(name, description, 3, "test", new BigDecimal("19.99"), "");
    }

    private void writeStatus(ProductStatus status) {
        topics().send(Topics.IMAGE_STATUS, String.valueOf(status.productId()), status);
        await().atMost(Duration.ofSeconds(15)).until(() -> store.get(status.productId())
                .map(known -> status.requestId().equals(known.requestId())).orElse(false));
    }
}
