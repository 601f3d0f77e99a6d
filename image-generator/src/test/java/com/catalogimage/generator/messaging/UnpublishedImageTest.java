package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.localstack.testing.TopicRecords;
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
import org.junit.jupiter.api.Test;

/**
 * An image paid for whose publication fails is never paid for again: every delivery of the record publishes the
 * held image (here the broker refuses it every time: the producer's request size is cut below an image's), and once
 * the retries are spent the record is dead-lettered, with one generation on the emulator.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(UnpublishedImageTest.ImagesTooLargeForTheProducer.class)
class UnpublishedImageTest {

    public static class ImagesTooLargeForTheProducer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.generated-images.max.request.size", "2048");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Test
    void aFailedPublicationIsRetriedWithTheHeldImageAndNeverGeneratesAgain() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        String key = String.valueOf(id);
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), new Product(id, "Glass Carafe",
                "A clear glass water carafe with a cork stopper, one litre.", 1, "Kitchen", null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        topics().send(Topics.IMAGE_REQUESTS, key, request);

        var dead = topics().await(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer(), 1, Duration.ofSeconds(60)).get(0);
        assertThat(TopicRecords.header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(TopicRecords.header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("4");
        assertThat(TopicRecords.header(dead, "delayed-retry-reason")).contains("could not be published");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
        assertThat(topics().values(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer()))
                .extracting(ProductStatus::state).containsExactly(ProductStatus.State.DEAD_LETTERED);
    }
}
