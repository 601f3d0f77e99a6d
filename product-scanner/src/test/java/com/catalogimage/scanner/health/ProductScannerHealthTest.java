package com.catalogimage.scanner.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class ProductScannerHealthTest {

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReadyOnceKafkaAndTheCatalogAnswerAndTheStatusTopicIsRead() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Data API Builder", "Product status")));
    }

    @Test
    void isNotReadyWhileDataApiBuilderRefusesAndSaysOnlyTheStatus() {
        DabEmulatorTestResource.emulator().faults().add(Fault.error(403, null).onMethods("GET").onPath("/api/Products"));
        try {
            String check = given().when().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'Data API Builder' }.status", is("DOWN"))
                    .body("checks.find { it.name == 'Data API Builder' }.data.error", is("Data API Builder answered 403 Forbidden"))
                    .extract().jsonPath().getMap("checks.find { it.name == 'Data API Builder' }").toString();
            assertThat(check).as("no URL, host, client method or exception text in readiness")
                    .doesNotContainPattern("(?i)https?://|127\\.0\\.0\\.1|localhost|Exception|Rest Client|DabQueryClient");
        } finally {
            DabEmulatorTestResource.emulator().faults().clear();
        }
    }
}
