package com.catalogimage.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.Topics;
import com.catalogimage.generator.testing.PipelineTopics;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A deployment that no longer exists (dall-e-3, retired) must stop the generator: readiness DOWN with the reason,
 * nothing dead-lettered, the request left uncommitted for after the fix.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@TestProfile(HaltOnConfigurationErrorTest.RetiredDeployment.class)
class HaltOnConfigurationErrorTest {

    static final String GROUP = "image-generator-retired-deployment-test";

    public static class RetiredDeployment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "generator.deployment", "dall-e-3",
                    "generator.model", "dall-e-3",
                    "generator.quality", "standard",
                    // its own group: the held record must not block the other test classes' consumer group
                    "mp.messaging.incoming.image-requests.group.id", GROUP);
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Test
    void retiredDeploymentHaltsConsumingWithReadinessDownAndDeadLettersNothing() throws Exception {
        long productId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        String key = String.valueOf(productId);
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), new Product(productId, "Chocolate Bar",
                "Rich milk chocolate bar, perfect for snacking.", 4, "Candy", "snack,sweet"), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        RecordMetadata sent = PipelineTopics.send(Topics.IMAGE_REQUESTS, key, request);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'Image API' }.status", is("DOWN"))
                .body("checks.find { it.name == 'Image API' }.data.halted", is("CONFIGURATION")));
        given().when().get("/q/health/live").then().statusCode(200);
        assertThat(emulator.stats().requests("dall-e-3")).isPositive();

        assertThat(PipelineTopics.all(Topics.DEAD_LETTERS, key, PipelineTopics.bytes())).isEmpty();
        assertThat(PipelineTopics.all(Topics.IMAGE_STATUS, key, PipelineTopics.bytes())).isEmpty();
        assertThat(committedOffset(new TopicPartition(Topics.IMAGE_REQUESTS, sent.partition())))
                .isLessThanOrEqualTo(sent.offset());
    }

    private static long committedOffset(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed == null ? 0 : committed.offset();
        }
    }
}
