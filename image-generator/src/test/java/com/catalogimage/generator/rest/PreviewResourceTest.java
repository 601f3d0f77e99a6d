package com.catalogimage.generator.rest;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.PaidGenerationDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** {@code POST /previews} against the image-API emulator: the key, the body's bounds, a refusal and an image. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class PreviewResourceTest {

    private static final String KEY = "test-generator-key";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Test
    void withoutTheKeyNothingIsGenerated() {
        String prompt = "A teapot on white " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("prompt", prompt)).when().post("/previews").then()
                .statusCode(401);
        given().header("X-API-Key", "not-the-key").contentType(ContentType.JSON).body(Map.of("prompt", prompt))
                .when().post("/previews").then().statusCode(401);
        assertThat(emulator.stats().generationsForPrompt(prompt)).isZero();
    }

    @Test
    void aMissingOrTooLongPromptIsABadRequest() {
        authorised().body(Map.of()).when().post("/previews").then().statusCode(400)
                .body("reason", equalTo("INVALID_REQUEST"));
        authorised().body(Map.of("prompt", "x".repeat(OperatorText.MAX_PROMPT + 1))).when().post("/previews").then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("longer than"));
        authorised().body(Map.of("template", "Photo of {name}")).when().post("/previews").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("product"));
    }

    @Test
    void aRefusedPromptIsUnprocessableWithTheRefusal() {
        authorised().body(Map.of("prompt", "Blue denim jeans laid flat " + UUID.randomUUID())).when()
                .post("/previews").then().statusCode(422).body("reason", equalTo("CONTENT_POLICY"))
                .body("detail", notNullValue());
    }

    @Test
    void aPromptBecomesAnImageWithItsCostAndVerdictPaidOnceAndInTheLedgerWithoutAnyOtherRecord() {
        String idempotencyKey = "pg-" + UUID.randomUUID();
        String prompt = "A white porcelain teapot on a plain white background " + idempotencyKey;
        var answer = authorised().body(Map.of("prompt", prompt, "idempotencyKey", idempotencyKey)).when()
                .post("/previews").then().statusCode(200)
                .body("contentType", equalTo("image/png"))
                .body("model", equalTo("gpt-image-2"))
                .body("deployment", equalTo("gpt-image-2"))
                .body("prompt", equalTo(prompt))
                .body("verdict.altText", notNullValue())
                .extract().jsonPath();
        assertThat(Base64.getDecoder().decode(answer.getString("imageBase64"))).startsWith(PNG_SIGNATURE);
        // gpt-image-2's 200+ output tokens at $30 per million, and the check
        assertThat(answer.getDouble("costUsd")).isGreaterThan(0.006);

        // the same key again: the same image, not paid for twice
        authorised().body(Map.of("prompt", prompt, "idempotencyKey", idempotencyKey)).when().post("/previews").then()
                .statusCode(200).body("imageBase64", equalTo(answer.getString("imageBase64")));
        assertThat(emulator.stats().generationsForPrompt(prompt)).isEqualTo(1);

        String requestId = "preview-" + idempotencyKey;
        PaidGeneration paid = topics().await(Topics.PAID_GENERATIONS, requestId, new PaidGenerationDeserializer(), 1,
                Duration.ofSeconds(10)).get(0).value();
        assertThat(paid.images()).isEqualTo(1);
        assertThat(paid.costUsd()).isNotNull();
        // a preview never reaches the catalog: no image record, no status (product id 0 for a free prompt)
        assertThat(topics().read(Topics.GENERATED_IMAGES, "0", new ByteArrayDeserializer())).isEmpty();
        assertThat(topics().read(Topics.IMAGE_STATUS, "0", new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void aTemplateIsFilledWithTheProduct() {
        String marker = UUID.randomUUID().toString();
        authorised().body(Map.of("template", "Studio photo of {name} " + marker, "product",
                Map.of("id", 42, "name", "Copper Kettle", "description", "A copper kettle.", "categoryName", "Kitchen")))
                .when().post("/previews").then().statusCode(200)
                .body("prompt", equalTo("Studio photo of Copper Kettle " + marker));
    }

    private static io.restassured.specification.RequestSpecification authorised() {
        return given().header("X-API-Key", KEY).contentType(ContentType.JSON);
    }
}
