package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resource Azure has blocked must stop the generator: readiness DOWN with the reason, nothing dead-lettered, the
 * request kept; once the block is lifted, the next probe is served and generation resumes without a restart.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(HaltAndProbeResumeTest.OwnDeployment.class)
class HaltAndProbeResumeTest {

    static final String DEPLOYMENT = "gpt-image-1.5";

    public static class OwnDeployment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "generator.deployment", DEPLOYMENT,
                    // a model without a retirement date: the start-up check would refuse a retired one
                    "generator.model", "gpt-image-1");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @AfterEach
    void unblock() {
        emulator.faults().forDeployment(DEPLOYMENT).clear();
    }

    @Test
    void blockedResourceHaltsWithReadinessDownDeadLettersNothingAndAProbeResumesOnceUnblocked() {
        emulator.faults().forDeployment(DEPLOYMENT).blockResource(true);
        long productId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        String key = String.valueOf(productId);
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), new Product(productId, "Chocolate Bar",
                "Rich milk chocolate bar, perfect for snacking.", 4, "Candy", "snack,sweet"), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        topics().send(Topics.IMAGE_REQUESTS, key, request);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'Image API' }.status", is("DOWN"))
                .body("checks.find { it.name == 'Image API' }.data.halted", is("RESOURCE_BLOCKED"))
                .body("checks.find { it.name == 'Image API' }.data.reason", is("the image API answered 403 Forbidden")));
        assertThat(given().when().get("/q/health/ready").then().extract().jsonPath().getMap("checks.find { it.name == 'Image API' }").toString())
                .as("no endpoint, host or API error text in readiness")
                .doesNotContainPattern("(?i)https?://|127\\.0\\.0\\.1|localhost|Exception|<\\?xml|sig=").doesNotContain("temporarily blocked");
        given().when().get("/q/health/live").then().statusCode(200);
        // probes (one a second here) keep finding the block; nothing else happens meanwhile
        long blockedBefore = emulator.stats().responses(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().responses(403) >= blockedBefore + 2);
        assertThat(topics().read(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer())).isEmpty();
        assertThat(topics().read(Topics.IMAGE_STATUS, key, new ByteArrayDeserializer())).isEmpty();

        emulator.faults().forDeployment(DEPLOYMENT).blockResource(false);

        ProductStatus status = topics().await(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer(), 1,
                Duration.ofSeconds(20)).get(0).value();
        assertThat(status.state()).isEqualTo(ProductStatus.State.GENERATED);
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200).body("checks.find { it.name == 'Image API' }.status", is("UP")));
    }
}
