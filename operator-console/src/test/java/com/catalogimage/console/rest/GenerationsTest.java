package com.catalogimage.console.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.options.BlobContainerCreateOptions;
import com.catalogimage.console.service.PreviewStore;
import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.GeneratorEmulator;
import com.catalogimage.console.support.GeneratorEmulatorTestResource;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.console.support.Seed;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /generations}: who may call it and how, one generation per idempotency key, the rate limit, the prompt's
 * bound, MANUAL requests through the scanner (emulated) and previews through the generator (emulated) stored in the
 * private preview container on Azurite with a read-only link.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
@WithTestResource(GeneratorEmulatorTestResource.class)
class GenerationsTest {

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();
    GeneratorEmulator generator = GeneratorEmulatorTestResource.emulator();

    @BeforeEach
    void reset() {
        scanner.reset();
        generator.reset();
    }

    @Test
    void nobodyAnonymousAndNoViewerMayGenerate() {
        given().contentType("application/json").header("Idempotency-Key", "k").body("{\"productId\":61}")
                .when().post("/generations").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("viewer", ConsoleSession.VIEWER_PASSWORD).contentType("application/json")
                .header("Idempotency-Key", "k").body("{\"productId\":61}")
                .when().post("/generations").then().statusCode(403);
        ConsoleSession viewer = ConsoleSession.viewer();
        viewer.request().contentType("application/json").header("X-CSRF-Token", viewer.csrfToken())
                .header("Idempotency-Key", "k").body("{\"productId\":61}")
                .when().post("/generations").then().statusCode(403);
        assertThat(scanner.calls("POST", "/products/61")).isEmpty();
    }

    @Test
    void aBrowserSessionNeedsTheCsrfTokenAMachineClientWithBasicDoesNot() {
        ConsoleSession browser = ConsoleSession.operator();
        browser.request().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"productId\":62}")
                .when().post("/generations").then().statusCode(403);
        assertThat(scanner.calls("POST", "/products/62")).isEmpty();

        browser.request().contentType("application/json").header("X-CSRF-Token", browser.csrfToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"productId\":62}")
                .when().post("/generations").then().statusCode(202).body("kind", equalTo("MANUAL"));
        machine().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"productId\":62}")
                .when().post("/generations").then().statusCode(202);
        assertThat(scanner.calls("POST", "/products/62/generations")).hasSize(2);
        // A cross-site form cannot post JSON: anything else is refused before it counts.
        given().auth().preemptive().basic("machine", "test-machine-password").contentType("application/x-www-form-urlencoded")
                .header("Idempotency-Key", "k").formParam("productId", "62")
                .when().post("/generations").then().statusCode(415);
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOneRequestAndGetsTheSameAnswer() {
        String key = UUID.randomUUID().toString();
        String body = "{\"productId\":63,\"prompt\":\"  A copper kettle on a white table\\u0000 \"}";
        Response first = machine().header("Idempotency-Key", key).body(body).when().post("/generations");
        Response second = machine().header("Idempotency-Key", key).body(body).when().post("/generations");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(first.jsonPath().getString("requestId")).startsWith("manual-");
        assertThat(scanner.calls("POST", "/products/63/generations")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo(Map.of("prompt", "A copper kettle on a white table"));
            // The user's key, scoped to the user (two users' equal keys are two generations), never the raw key.
            assertThat(call.idempotencyKey()).matches("[0-9a-f]{32}").isNotEqualTo(key);
        });
    }

    @Test
    void anIdempotencyKeyIsRequiredAndPromptsAreBounded() {
        machine().body("{\"productId\":64}").when().post("/generations").then()
                .statusCode(400).body("message", containsString("Idempotency-Key"));
        String tooLong = "a".repeat(OperatorText.MAX_PROMPT + 1);
        machine().header("Idempotency-Key", "long").body(Map.of("prompt", tooLong)).when().post("/generations").then()
                .statusCode(400).body("message", containsString(String.valueOf(OperatorText.MAX_PROMPT)));
        machine().header("Idempotency-Key", "none").body("{}").when().post("/generations").then().statusCode(400);
        assertThat(scanner.calls("POST", "/products/64")).isEmpty();
        assertThat(generator.calls()).isEmpty();
    }

    @Test
    void theScannersRefusalIsAnsweredWithItsReason() {
        scanner.answerGenerate(65, 409);
        machine().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"productId\":65}")
                .when().post("/generations").then()
                .statusCode(409)
                .body("message", containsString("in flight"));
    }

    @Test
    void eachUserIsRateLimitedWithRetryAfter() {
        Response refused = null;
        int made = 0;
        for (int i = 0; i < 40 && refused == null; i++) {
            Response answer = given().auth().preemptive().basic("hasty", "test-hasty-password")
                    .contentType("application/json").header("Idempotency-Key", "hasty-" + i).body("{\"productId\":66}")
                    .when().post("/generations");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(202);
                made++;
            }
        }
        assertThat(refused).as("a 429 within 40 calls").isNotNull();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(scanner.calls("POST", "/products/66/generations")).hasSize(made);
        // Another user is not held back by it.
        machine().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"productId\":66}")
                .when().post("/generations").then().statusCode(202);
    }

    @Test
    void aFreePromptMakesOnePrivatePreviewWithAReadOnlyLink() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"prompt\":\"A copper kettle, studio light, white background\"}";
        Response first = machine().header("Idempotency-Key", key).body(body).when().post("/generations");
        Response second = machine().header("Idempotency-Key", key).body(body).when().post("/generations");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(generator.calls()).singleElement().satisfies(call -> {
            assertThat(call.get("prompt")).isEqualTo("A copper kettle, studio light, white background");
            assertThat(call.get("idempotencyKey")).isEqualTo(first.jsonPath().getString("previewId"));
        });
        assertThat(second.jsonPath().getString("previewId")).isEqualTo(first.jsonPath().getString("previewId"));
        assertThat(scanner.calls("POST", "/products")).isEmpty();

        String link = first.jsonPath().getString("link");
        assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8)).contains("/" + Seed.PREVIEW + "/previews/p");
        assertThat(link).contains("sp=r&", "sig=");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");

        BlobContainerClient previews = Seed.storage().getBlobContainerClient(Seed.PREVIEW);
        assertThat(previews.getAccessPolicy().getBlobAccessType()).as("private").isNull();
        String blobName = URLDecoder.decode(URI.create(link).getPath(), StandardCharsets.UTF_8)
                .substring(("/devstoreaccount1/" + Seed.PREVIEW + "/").length());
        BlobProperties properties = previews.getBlobClient(blobName).getProperties();
        assertThat(properties.getMetadata()).containsEntry("author", "machine").containsEntry("model", "gpt-image-1-mini")
                .containsEntry("costusd", "0.011").containsEntry("verdict", "PASSED").containsKey("prompt");
        // Nothing reached the public container.
        BlobContainerClient shop = Seed.storage().getBlobContainerClient(Seed.PUBLIC);
        assertThat(!shop.exists() || shop.listBlobs().stream().noneMatch(blob -> blob.getName().contains("previews/")))
                .isTrue();
    }

    @Test
    void aTemplateIsPreviewedOnAProductReadThroughTheScanner() {
        Response answer = machine().header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"productId\":67,\"template\":\"A studio photo of {name}\",\"preview\":true}")
                .when().post("/generations");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.jsonPath().getLong("productId")).isEqualTo(67);
        assertThat(answer.jsonPath().getString("prompt")).isEqualTo("A studio photo of Product 67");
        assertThat(scanner.calls("GET", "/products/67")).hasSize(1);
        assertThat(scanner.calls("POST", "/products/67")).as("no MANUAL request").isEmpty();
        assertThat(generator.calls()).singleElement().satisfies(call -> {
            assertThat(call.get("template")).isEqualTo("A studio photo of {name}");
            assertThat(((Map<?, ?>) call.get("product")).get("id")).isEqualTo(67);
        });
    }

    @Test
    void aPreviewContainerThatAllowsAnonymousReadsIsRefused() {
        BlobContainerClient open = Seed.storage().getBlobContainerClient("previews-open-" + UUID.randomUUID()
                .toString().substring(0, 8));
        open.createIfNotExistsWithResponse(new BlobContainerCreateOptions().setPublicAccessType(PublicAccessType.BLOB), null, null);
        assertThatThrownBy(() -> PreviewStore.ensurePrivate(open)).isInstanceOf(PreviewStore.PublicContainerException.class)
                .hasMessageContaining("anonymous");
    }

    private static io.restassured.specification.RequestSpecification machine() {
        return given().auth().preemptive().basic("machine", "test-machine-password").contentType("application/json");
    }
}
