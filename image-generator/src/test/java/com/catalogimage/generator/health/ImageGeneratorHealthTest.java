package com.catalogimage.generator.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.catalogimage.localstack.testing.ImageApiTestResource;
import java.time.Duration;
import static org.awaitility.Awaitility.await;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class ImageGeneratorHealthTest {

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReadyOnceTheRealBrokerAnswersAndTheStatusTopicIsRead() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name == 'Image API' }.status", is("UP"))
                .body("checks.find { it.name == 'Image API' }.data.deployment", is("gpt-image-2"))
                .body("checks.find { it.name == 'Image API' }.data.endpoint", nullValue()));
    }
}
