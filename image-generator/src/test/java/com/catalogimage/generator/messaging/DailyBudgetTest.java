package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.PaidGenerationDeserializer;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A daily image cap: once reached, further requests wait in Kafka (no call, no dead letter) and health says why.
 * Today's usage counts what earlier test classes generated on the shared broker, so the cap is that plus two.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(DailyBudgetTest.TwoMoreImagesToday.class)
class DailyBudgetTest {

    public static class TwoMoreImagesToday implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("generator.budget.daily-images", String.valueOf(generatedToday() + 2));
        }

        /**
         * Images paid for today (UTC) as the generator's budget counts them: the ledger's entries of today, and GENERATED
         * statuses of today whose request id the ledger does not know (written by tests straight to the status topic).
         */
        private static long generatedToday() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, PaidGeneration> ledger = new HashMap<>();
            PaidGenerationDeserializer entries = new PaidGenerationDeserializer();
            for (ConsumerRecord<String, byte[]> record : topics().read(Topics.PAID_GENERATIONS)) {
                try {
                    PaidGeneration paid = entries.deserialize(record.topic(), record.value());
                    if (paid != null && paid.requestId() != null) {
                        ledger.merge(paid.requestId(), paid, (a, b) -> b.images() >= a.images() ? b : a);
                    }
                } catch (RuntimeException poison) {
                    // not a ledger entry
                }
            }
            long images = ledger.values().stream().filter(paid -> today.equals(paid.day()))
                    .mapToLong(PaidGeneration::images).sum();
            Set<String> ids = new HashSet<>();
            ProductStatusDeserializer statuses = new ProductStatusDeserializer();
            for (ConsumerRecord<String, byte[]> record : topics().read(Topics.IMAGE_STATUS)) {
                try {
                    ProductStatus status = statuses.deserialize(record.topic(), record.value());
                    if (status != null && status.requestId() != null && status.at() != null
                            && !ledger.containsKey(status.requestId())
                            && status.state() == ProductStatus.State.GENERATED
                            && status.at().atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
                        ids.add(status.requestId());
                    }
                } catch (RuntimeException poison) {
                    // not a status
                }
            }
            return images + ids.size();
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Test
    void requestsBeyondTheDailyCapWaitUndeadletteredAndHealthSaysWhy() {
        List<ImageRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
            ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), new Product(id, "Budget Vase " + i,
                    "Tall ceramic vase with a matte white glaze, number " + i + ".", 1, "Home", null), 1, null,
                    ImageRequest.Origin.SCAN, Instant.now());
            topics().send(Topics.IMAGE_REQUESTS, String.valueOf(id), request);
            requests.add(request);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'Image API' }.status", is("UP"))
                .body("checks.find { it.name == 'Image API' }.data.budget", is("daily budget reached")));
        assertThat(given().when().get("/q/health/ready").then().extract().jsonPath().getMap("checks.find { it.name == 'Image API' }").toString())
                .as("no figures of the budget in readiness: they are in the log").doesNotContain("$").doesNotContain("caps")
                .doesNotContain("images /");
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.stream()
                .filter(r -> emulator.stats().generationsForRequestId(r.requestId()) == 1).count() == 2);
        ImageRequest waiting = requests.stream()
                .filter(r -> emulator.stats().generationsForRequestId(r.requestId()) == 0).findFirst().orElseThrow();
        String key = String.valueOf(waiting.product().id());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                emulator.stats().generationsForRequestId(waiting.requestId()) == 0
                        && topics().read(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer()).isEmpty());
        assertThat(topics().read(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer())).isEmpty();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("generator_budget_reached 1.0");
        for (ImageRequest request : requests) {
            if (request != waiting) {
                var statuses = topics().read(Topics.IMAGE_STATUS, String.valueOf(request.product().id()),
                        new ProductStatusDeserializer());
                assertThat(statuses).extracting(r -> r.value().state()).containsExactly(ProductStatus.State.GENERATED);
            }
        }
    }
}
