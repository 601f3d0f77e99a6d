package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two deployments as a pool, each with its own limit: 429s are waited out, a failing member is avoided. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(DeploymentPoolTest.TwoDeployments.class)
class DeploymentPoolTest {

    static final String MINI = "gpt-image-1-mini";
    static final String OTHER = "gpt-image-1.5";

    public static class TwoDeployments implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "generator.deployments.mini.deployment", MINI,
                    "generator.deployments.mini.requests-per-minute", "120",
                    "generator.deployments.other.deployment", OTHER,
                    // a model without a retirement date: the start-up check would refuse a retired one
                    "generator.model", "gpt-image-1");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @AfterEach
    void reset() {
        emulator.faults().clear();
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(MINI, 0).withRequestsPerMinute(OTHER, 0));
    }

    @Test
    void aStormOf429sIsWaitedOutNothingIsDeadLetteredAndThroughputSettlesAtTheQuota() {
        // the real quota (30 rpm per deployment, bursts of 5) is a quarter of what the generator was told (120 rpm)
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(MINI, 30).withRequestsPerMinute(OTHER, 30));
        long throttledBefore = emulator.stats().throttled(MINI) + emulator.stats().throttled(OTHER);
        long start = System.nanoTime();
        List<ImageRequest> requests = sendMany(20, "Storm");

        for (ImageRequest request : requests) {
            assertThat(awaitFinal(request, Duration.ofSeconds(60)).state()).isEqualTo(ProductStatus.State.GENERATED);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long throttled = emulator.stats().throttled(MINI) + emulator.stats().throttled(OTHER) - throttledBefore;
        for (ImageRequest request : requests) {
            assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
            assertThat(topics().read(Topics.DEAD_LETTERS, key(request), new ByteArrayDeserializer())).isEmpty();
        }
        // 10 in the first bursts, then 1 per second across both: about 10 s at the quota; throttling stays small
        assertThat(seconds).isBetween(6.0, 30.0);
        assertThat(throttled).isLessThan(20);
    }

    @Test
    void aMemberAnswering503IsAvoidedAndTheOtherServesEveryRequest() {
        emulator.faults().forDeployment(OTHER).failFor(503, Duration.ofSeconds(60));
        long otherBefore = emulator.stats().generationsForDeployment(OTHER);
        List<ImageRequest> requests = sendMany(8, "Failover");

        for (ImageRequest request : requests) {
            ProductStatus status = awaitFinal(request, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(ProductStatus.State.GENERATED);
            assertThat(status.detail()).startsWith(MINI);
        }
        assertThat(emulator.stats().generationsForDeployment(OTHER)).isEqualTo(otherBefore);
        for (ImageRequest request : requests) {
            assertThat(topics().read(Topics.DEAD_LETTERS, key(request), new ByteArrayDeserializer())).isEmpty();
        }
    }

    private static List<ImageRequest> sendMany(int count, String name) {
        List<ImageRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
            ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), new Product(id, name + " Lamp " + i,
                    "Brass desk lamp with a green glass shade, model " + i + ".", 1, "Home", null), 1, null,
                    ImageRequest.Origin.SCAN, Instant.now());
            topics().send(Topics.IMAGE_REQUESTS, key(request), request);
            requests.add(request);
        }
        return requests;
    }

    private static ProductStatus awaitFinal(ImageRequest request, Duration atMost) {
        var statuses = topics().await(Topics.IMAGE_STATUS, key(request), new ProductStatusDeserializer(), 1, atMost);
        return statuses.get(statuses.size() - 1).value();
    }

    private static String key(ImageRequest request) {
        return String.valueOf(request.product().id());
    }
}
