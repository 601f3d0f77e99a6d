package com.catalogimage.scanner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class ScanResourceTest {

    @Test
    void startingAScanNeedsTheApiKey() {
        given().when().post("/scans").then().statusCode(401);
        given().header("X-API-Key", "wrong").when().post("/scans").then().statusCode(401);
    }

    @Test
    void aScanWithTheKeyReportsItsCountsAndBecomesTheLatest() {
        given().header("X-API-Key", "test-operator-key").when().post("/scans").then()
                .statusCode(200)
                .body("trigger", equalTo("api"))
                .body("seen", greaterThanOrEqualTo(1))
                .body("mode", equalTo("table"));

        given().when().get("/scans/latest").then()
                .statusCode(200)
                .body("startedAt", notNullValue())
                .body("missing", greaterThanOrEqualTo(1));
    }

    @Test
    void theEstimatePricesWhatAScanWouldRequestWithoutRequestingIt() {
        given().header("X-API-Key", "test-operator-key").when().get("/estimate").then()
                .statusCode(200)
                .body("model", equalTo("gpt-image-2"))
                .body("quality", equalTo("low"))
                .body("size", equalTo("1024x1024"))
                // gpt-image-2's profile: 300 prompt tokens at $5/M and 200 output tokens at $30/M; from a reference
                // photo 4,500 image input tokens at $8/M more
                .body("unitPriceUsd", equalTo(0.0075f))
                .body("photoUnitPriceUsd", equalTo(0.0435f))
                // the quality check (advisory by default) follows every image: its expected cost is a line of its own
                .body("qualityCheck", equalTo("advisory"))
                .body("checkModel", equalTo("gpt-5-mini"))
                .body("checkUnitPriceUsd", equalTo(0.0015f));
    }

    @Test
    void theEstimateReadsTheWholeCatalogSoItIsForOperatorsOnly() {
        given().when().get("/estimate").then().statusCode(401);
        given().header("X-API-Key", "not-the-key").when().get("/estimate").then().statusCode(401);
    }
}
