package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Records run in parallel and out of order, but one product's records one at a time: a request, a redelivered copy of
 * it and the scanner's re-request of the product, in one partition and one poll, taken by several workers at once. The
 * model is slow, so without the product's lock all three would be in the call together and the re-request, seeing no
 * image yet, paid for a second one.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class OneProductAtATimeTest {

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    MeterRegistry metrics;

    @Test
    void twoRequestsOfOneProductDeliveredTogetherAreGeneratedOnce() {
        Product product = new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE),
                "Wool Throw Blanket", "Grey knitted wool throw blanket with tassels, 130 x 170 cm.", 3, "Home", null);
        Instant queuedAt = Instant.now().minus(Duration.ofHours(1));
        ImageRequest first = new ImageRequest(UUID.randomUUID().toString(), product, 1, null, Origin.SCAN, queuedAt);
        ImageRequest reRequest = new ImageRequest(UUID.randomUUID().toString(), product, 1, null, Origin.SCAN,
                queuedAt.plus(Duration.ofMinutes(30)));
        double duplicatesBefore = count("duplicate");
        double supersededBefore = count("superseded");
        emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ofSeconds(2)));
        try {
            String key = String.valueOf(product.id());
            topics().send(Topics.IMAGE_REQUESTS, key, first);
            topics().send(Topics.IMAGE_REQUESTS, key, first); // redelivered
            topics().send(Topics.IMAGE_REQUESTS, key, reRequest);

            await().atMost(Duration.ofSeconds(30)).until(() -> emulator.stats().generationsForRequestId(
                    reRequest.requestId()) > 0 || emulator.stats().generationsForRequestId(first.requestId()) > 1
                    || (count("duplicate") > duplicatesBefore && count("superseded") > supersededBefore));

            assertThat(emulator.stats().generationsForRequestId(first.requestId())).isEqualTo(1);
            assertThat(emulator.stats().generationsForRequestId(reRequest.requestId())).isZero();
            assertThat(count("duplicate")).isEqualTo(duplicatesBefore + 1);
            assertThat(count("superseded")).isEqualTo(supersededBefore + 1);
            assertThat(topics().read(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer()))
                    .extracting(record -> record.value().state()).containsExactly(State.GENERATED);
        } finally {
            emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ZERO));
        }
    }

    private double count(String outcome) {
        return metrics.find("generator.requests").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
