package com.catalogimage.updater.health;

import static com.catalogimage.updater.support.Catalogs.dab;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class CatalogUpdaterHealthTest {

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReadyOnceTheBrokerAndDataApiBuilderAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name == 'Data API Builder' }.status", is("UP"));
    }

    @Test
    void exposesEveryWriteOutcomeAndTheDurationByMode() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String outcome : new String[] {"completed", "already-completed", "already-has-image", "product-gone", "failed"}) {
            org.assertj.core.api.Assertions.assertThat(metrics).contains("updater_writes_total{outcome=\"" + outcome + "\"");
        }
        org.assertj.core.api.Assertions.assertThat(metrics).contains("updater_write_duration_seconds_count{mode=\"table\"");
    }

    @Test
    void isNotReadyWhileDataApiBuilderFails() {
        dab().faults().add(Fault.error(503, null).onMethods("GET").onPath("/api/Products"));
        try {
            String check = given().when().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'Data API Builder' }.status", is("DOWN"))
                    .body("checks.find { it.name == 'Data API Builder' }.data.error",
                            is("Data API Builder answered 503 Service Unavailable"))
                    .extract().jsonPath().getMap("checks.find { it.name == 'Data API Builder' }").toString();
            org.assertj.core.api.Assertions.assertThat(check).as("no URL, host or exception text in readiness")
                    .doesNotContainPattern("(?i)https?://|127\\.0\\.0\\.1|localhost|Exception|<\\?xml|sig=");
        } finally {
            dab().faults().clear();
        }
    }
}
