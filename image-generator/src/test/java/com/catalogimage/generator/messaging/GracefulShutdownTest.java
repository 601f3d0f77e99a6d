package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.PaidGenerationDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.messaging.shutdown.InFlightWork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM does to a call in flight: the shutdown (the observer of Quarkus' ShutdownEvent, called here as Quarkus
 * calls it, before the Kafka connector closes) waits for the slow call to answer, and the image, its GENERATED status
 * and its ledger entry are out before it returns; a request arriving after it began is not started. A profile of its
 * own: the application is left shutting down, and the next test class gets a fresh one.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(GracefulShutdownTest.OwnApplication.class)
class GracefulShutdownTest {

    public static class OwnApplication implements QuarkusTestProfile {
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    GeneratorShutdown shutdown;

    @Inject
    InFlightWork<TopicPartition> work;

    @Test
    void aCallInFlightAtShutdownFinishesAndItsImageIsPublishedBeforeTheShutdownGoesOn() {
        ImageRequest inFlight = request("Linen Napkin Set", "Four natural linen napkins, stonewashed, 45 x 45 cm.");
        ImageRequest late = request("Copper Watering Can", "Polished copper watering can with a long spout, 1.5 l.");
        emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ofSeconds(3)));
        try {
            send(inFlight);
            await().atMost(Duration.ofSeconds(30)).until(() -> work.inFlight() == 1);

            shutdown.drain(); // SIGTERM arrives while the model is still drawing

            String key = String.valueOf(inFlight.product().id());
            assertThat(work.inFlight()).isZero();
            assertThat(emulator.stats().generationsForRequestId(inFlight.requestId())).isEqualTo(1);
            assertThat(topics().read(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer()))
                    .extracting(record -> record.value().request().requestId()).containsExactly(inFlight.requestId());
            assertThat(topics().read(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer()))
                    .extracting(record -> record.value().state()).containsExactly(State.GENERATED);
            assertThat(topics().values(Topics.PAID_GENERATIONS, inFlight.requestId(), new PaidGenerationDeserializer()))
                    .extracting(PaidGeneration::published).containsExactly(false, true);

            send(late);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    emulator.stats().generationsForRequestId(late.requestId()) == 0 && work.inFlight() == 0);
        } finally {
            emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ZERO));
        }
    }

    private static ImageRequest request(String name, String description) {
        Product product = new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name,
                description, 3, "Home", null);
        return new ImageRequest(UUID.randomUUID().toString(), product, 1, null, Origin.SCAN, Instant.now());
    }

    private static void send(ImageRequest request) {
        topics().send(Topics.IMAGE_REQUESTS, String.valueOf(request.product().id()), request);
    }
}
