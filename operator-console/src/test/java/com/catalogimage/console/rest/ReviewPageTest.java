package com.catalogimage.console.rest;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.catalogimage.console.messaging.AwaitingReviewFollower;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Seed;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ReviewDecisionDeserializer;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review queue and its actions, against the real broker, Azurite and the scanner's API (emulated). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
class ReviewPageTest {

    private static final AtomicLong IDS = new AtomicLong(700_000 + (System.nanoTime() % 100_000) * 10);

    @Inject
    ConsoleStatus statuses;

    @Inject
    AwaitingReviewFollower pending;

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();

    @BeforeEach
    void reset() {
        scanner.reset();
    }

    @Test
    void theQueueShowsTheWaitingImageWithItsThumbnailPromptAndEscapedName() {
        StoredImage image = awaitingReview("<b>Bold</b> Linen Apron", true);

        ConsoleSession.viewer().request().when().get("/reviews").then()
                .statusCode(200)
                .body(containsString("data-product-id=\"" + productId(image) + "\""))
                .body(containsString("&lt;b&gt;Bold&lt;/b&gt; Linen Apron"))
                .body(not(containsString("<b>Bold</b>")))
                .body(containsString("A linen apron on white, soft light"))
                .body(containsString(image.blobName().replace("/", "%2F").replace(".png", ".thumb.jpg?")))
                .body(containsString("sp=r"))
                // a viewer sees the queue without the action forms
                .body(not(containsString("data-testid=\"approve\"")));
    }

    @Test
    void anApproveWritesOneDecisionWithTheReviewerAndTheImage() {
        StoredImage image = awaitingReview("Oak Stool", false);
        long id = productId(image);

        ConsoleSession.operator().form().formParam("requestId", image.request().requestId())
                .when().post("/reviews/" + id + "/approve").then()
                .statusCode(303)
                .header("Location", allOf(containsString("/reviews"), containsString("Approved")));

        List<ReviewDecision> decisions = decisions(id);
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(decision.reviewer()).isEqualTo("operator");
            assertThat(decision.image().request().requestId()).isEqualTo(image.request().requestId());
            assertThat(decision.image().blobName()).isEqualTo(image.blobName());
            assertThat(decision.decisionId()).isNotBlank();
            assertThat(decision.at()).isNotNull();
        });
    }

    @Test
    void anApproveFromTheProductPageReturnsThereAndNeverToAnotherSite() {
        StoredImage image = awaitingReview("Tea Towel", false);
        long id = productId(image);
        ConsoleSession operator = ConsoleSession.operator();

        operator.form().formParam("from", "/products/" + id).when().post("/reviews/" + id + "/approve").then()
                .statusCode(303).header("Location", allOf(containsString("/products/" + id), containsString("Approved")));
        String elsewhere = operator.form().formParam("from", "//evil.example/x")
                .when().post("/reviews/" + id + "/approve").then().statusCode(303).extract().header("Location");
        assertThat(elsewhere).doesNotContain("evil.example");
    }

    @Test
    void aSecondApproveOfTheSameImageWritesNothingMore() {
        StoredImage image = awaitingReview("Jute Rug", false);
        long id = productId(image);
        ConsoleSession operator = ConsoleSession.operator();
        operator.form().when().post("/reviews/" + id + "/approve").then().statusCode(303);

        String location = operator.form().when().post("/reviews/" + id + "/approve").then()
                .statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("already decided");
        assertThat(decisions(id)).hasSize(1);
    }

    @Test
    void aStaleFormWritesNothing() {
        StoredImage image = awaitingReview("Glass Carafe", false);
        long id = productId(image);

        // The form was rendered for an earlier image of the product.
        String location = ConsoleSession.operator().form().formParam("requestId", "r-an-older-image")
                .when().post("/reviews/" + id + "/approve").then()
                .statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("already decided");

        // The product moved on (the uploader published it after another reviewer's decision).
        writeStatus(new ProductStatus(id, image.request().requestId(), 1, State.COMPLETED, null, null,
                "catalog-updater", Instant.now(), null));
        String moved = ConsoleSession.operator().form().formParam("requestId", image.request().requestId())
                .when().post("/reviews/" + id + "/reject").then()
                .statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(moved, StandardCharsets.UTF_8)).contains("already decided", "COMPLETED");

        assertThat(decisions(id)).isEmpty();
    }

    @Test
    void aViewerMayNotDecide() {
        StoredImage image = awaitingReview("Cork Board", false);

        ConsoleSession.viewer().form().when().post("/reviews/" + productId(image) + "/approve").then().statusCode(403);
        ConsoleSession.viewer().form().formParam("ids", productId(image)).when().post("/reviews/approve").then()
                .statusCode(403);

        assertThat(decisions(productId(image))).isEmpty();
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefused() {
        StoredImage image = awaitingReview("Slate Coasters", false);

        ConsoleSession.operator().request().contentType("application/x-www-form-urlencoded")
                .formParam("requestId", image.request().requestId())
                .when().post("/reviews/" + productId(image) + "/approve").then().statusCode(403);
        ConsoleSession.operator().request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "not-the-cookies-token")
                .when().post("/reviews/" + productId(image) + "/approve").then().statusCode(403);

        assertThat(decisions(productId(image))).isEmpty();
    }

    @Test
    void aRejectCarriesTheNoteOnOneCleanLine() {
        StoredImage image = awaitingReview("Wool Throw", false);
        long id = productId(image);

        ConsoleSession.operator().form().formParam("note", "too dark\r\nbackground\u0007 grey")
                .when().post("/reviews/" + id + "/reject").then().statusCode(303);

        assertThat(decisions(id)).singleElement().satisfies(decision -> {
            assertThat(decision.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(decision.note()).isEqualTo("too dark background grey");
        });
    }

    @Test
    void bulkApproveWritesOneDecisionPerProduct() {
        StoredImage first = awaitingReview("Rattan Basket", false);
        StoredImage second = awaitingReview("Bamboo Board", false);

        String location = ConsoleSession.operator().form()
                .formParam("ids", productId(first)).formParam("ids", productId(second))
                .when().post("/reviews/approve").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("Approved 2");
        for (StoredImage image : List.of(first, second)) {
            assertThat(decisions(productId(image))).singleElement().satisfies(decision -> {
                assertThat(decision.verdict()).isEqualTo(Verdict.APPROVE);
                assertThat(decision.image().request().requestId()).isEqualTo(image.request().requestId());
            });
        }
    }

    @Test
    void regenerateWritesItsDecisionThenAsksTheScannerWithThePrompt() {
        StoredImage image = awaitingReview("Denim Jacket", false);
        long id = productId(image);

        ConsoleSession.operator().form().formParam("requestId", image.request().requestId())
                .formParam("prompt", "A denim jacket on a hanger, plain white wall").formParam("note", "too busy")
                .when().post("/reviews/" + id + "/regenerate").then()
                .statusCode(303).header("Location", containsString("Regenerating"));

        assertThat(decisions(id)).singleElement().satisfies(decision -> {
            assertThat(decision.verdict()).isEqualTo(Verdict.REGENERATE);
            assertThat(decision.prompt()).isEqualTo("A denim jacket on a hanger, plain white wall");
            assertThat(decision.note()).isEqualTo("too busy");
        });
        assertThat(scanner.calls("POST", "/products/" + id + "/request-again")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo(Map.of("prompt",
                        "A denim jacket on a hanger, plain white wall")));
    }

    @Test
    void aRegenerateTheScannerRefusedSaysSoAndIsRetriedWithoutASecondDecision() {
        StoredImage image = awaitingReview("Leather Belt", false);
        long id = productId(image);
        scanner.answerRequestAgain(id, 503);
        ConsoleSession operator = ConsoleSession.operator();

        String failed = operator.form().formParam("prompt", "A brown leather belt, coiled")
                .when().post("/reviews/" + id + "/regenerate").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(failed, StandardCharsets.UTF_8)).contains("is recorded", "did not take",
                "regenerate again");

        scanner.answerRequestAgain(id, 200);
        operator.form().formParam("prompt", "A brown leather belt, coiled")
                .when().post("/reviews/" + id + "/regenerate").then()
                .statusCode(303).header("Location", containsString("Regenerating"));

        assertThat(decisions(id)).hasSize(1);
        assertThat(scanner.calls("POST", "/products/" + id + "/request-again")).hasSize(2);
    }

    @Test
    void aCallOfThreeImagesShowsEachWithItsOwnPublishButtonAndPublishesTheOnePicked() {
        StoredImage image = awaitingReview("Birch Tray", true, 2, null);
        long id = productId(image);

        String page = ConsoleSession.operator().request().when().get("/reviews").then().statusCode(200)
                .extract().body().asString();
        String card = page.substring(page.indexOf("data-product-id=\"" + id + "\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("Image 1 of 3", "Image 2 of 3", "Image 3 of 3", "the others are never published")
                .contains(image.variants().get(0).blobName().replace("/", "%2F") + "?",
                        image.variants().get(1).blobName().replace("/", "%2F") + "?");
        assertThat(card.split("data-testid=\"publish-variant\"", -1)).hasSize(4);
        assertThat(card.split("name=\"csrf-token\"", -1).length).isGreaterThanOrEqualTo(4);
        // every link a read-only one
        assertThat(card.split("sp=r&", -1).length - 1).isGreaterThanOrEqualTo(3);
        assertThat(card).doesNotContain("sp=rw", "sp=w");

        ConsoleSession operator = ConsoleSession.operator();
        String refused = operator.form().formParam("requestId", image.request().requestId()).formParam("variant", "7")
                .when().post("/reviews/" + id + "/approve").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(refused, StandardCharsets.UTF_8)).contains("has no image 8 waiting");
        assertThat(decisions(id)).isEmpty();

        String location = operator.form().formParam("requestId", image.request().requestId()).formParam("variant", "2")
                .when().post("/reviews/" + id + "/approve").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("image 3 of 3 is published");
        assertThat(decisions(id)).singleElement().satisfies(decision -> {
            assertThat(decision.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(decision.variant()).isEqualTo(2);
            assertThat(decision.image().variantsOrEmpty()).hasSize(2);
        });
    }

    @Test
    void aRestyleShowsTheOriginalBesideTheNewImageAndSaysItStaysUntilApproval() {
        String original = "https://photos.test:8443/supplier/" + UUID.randomUUID() + ".jpg";
        StoredImage drawn = awaitingReview("Pine Shelf", true, 0, original);
        StoredImage linked = awaitingReview("Oak Shelf", true, 0, "https://elsewhere.example/oak.jpg");

        var response = ConsoleSession.viewer().request().when().get("/reviews").then().statusCode(200).extract();
        String page = response.body().asString();

        String card = page.substring(page.indexOf("data-product-id=\"" + productId(drawn) + "\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("data-testid=\"restyle\"", "data-testid=\"original\"",
                "<img src=\"" + original + "\"", "the original stays in the catalog until an image below is approved",
                "New image");
        String other = page.substring(page.indexOf("data-product-id=\"" + productId(linked) + "\""));
        other = other.substring(0, other.indexOf("</li>"));
        assertThat(other).contains("href=\"https://elsewhere.example/oak.jpg\"")
                .doesNotContain("<img src=\"https://elsewhere.example/oak.jpg\"");
        assertThat(response.header("Content-Security-Policy")).contains("img-src 'self' ", " photos.test:8443;")
                .doesNotContain("elsewhere.example");
    }

    // --- a product whose image waits for a reviewer, as the uploader leaves it ---

    private StoredImage awaitingReview(String name, boolean withBlobs) {
        return awaitingReview(name, withBlobs, 0, null);
    }

    /** With {@code variants} more images of the call, and as a restyle of {@code original} when it is set. */
    private StoredImage awaitingReview(String name, boolean withBlobs, int variants, String original) {
        long id = IDS.incrementAndGet();
        String requestId = "r-" + UUID.randomUUID();
        Product product = new Product(id, name, "A " + name.toLowerCase() + " for the test catalog.", 3, "Home", null)
                .withImageUrls(original, null);
        ImageRequest request = new ImageRequest(requestId, product, 1, null, ImageRequest.Origin.SCAN, Instant.now())
                .withMode(original == null ? null : ImageRequest.Mode.RESTYLE);
        String blobName = withBlobs
                ? Seed.image(Seed.REVIEW, id, name, "Home", "A linen apron on white, soft light", requestId, Instant.now())
                : "images/" + id + "-item-0123456789ab.png";
        List<StoredImage.Variant> others = variants == 0 ? List.of() : Seed.variants(Seed.REVIEW, blobName, variants);
        StoredImage image = new StoredImage(request, blobName, "http://127.0.0.1/devstoreaccount1/products-review/"
                + blobName, "image/png", 3, "00", 1, 1, "gpt-image-1", Instant.now(), null, others);
        topics().send(Topics.IMAGES_AWAITING_REVIEW, String.valueOf(id), image);
        writeStatus(new ProductStatus(id, requestId, 1, State.AWAITING_REVIEW, null, blobName, "blob-uploader",
                Instant.now(), null).withOriginalOf(request));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending.image(id)
                .map(waiting -> requestId.equals(waiting.request().requestId())).orElse(false));
        return image;
    }

    private void writeStatus(ProductStatus status) {
        topics().send(Topics.IMAGE_STATUS, String.valueOf(status.productId()), status);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.latest(status.productId())
                .map(known -> known.state() == status.state() && status.requestId().equals(known.requestId()))
                .orElse(false));
    }

    private static long productId(StoredImage image) {
        return image.request().product().id();
    }

    private static List<ReviewDecision> decisions(long productId) {
        return topics().values(Topics.REVIEW_DECISIONS, String.valueOf(productId), new ReviewDecisionDeserializer());
    }
}
