package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.generator.service.PaidImages;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scan request made before the product got its image (from another request) is superseded: the scanner re-requests
 * a product whose status is older than its in-flight timeout, so with a backlog both requests sit in the topic, and
 * only the first may be paid for. Against the real broker and the image-API emulator.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class SupersededScanRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The scanner's {@code scan.in-flight-timeout}: a product still queued after it is requested again. */
    private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofMinutes(30);

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    MeterRegistry metrics;

    @Inject
    PaidImages view;

    @Test
    void scanReRequestMadeWhileTheFirstWasQueuedIsNotGeneratedOnceTheFirstHasItsImage() {
        Product product = product("Canvas Tote Bag", "Natural canvas tote bag with long cotton handles.");
        // the first request waited in the backlog for longer than the in-flight timeout...
        ImageRequest first = scan(product, Instant.now().minus(IN_FLIGHT_TIMEOUT).minusSeconds(600));
        // ...so the scanner requested the product again, with a new id, while the first was still queued
        ImageRequest second = scan(product, first.requestedAt().plus(IN_FLIGHT_TIMEOUT));
        String key = send(first);
        ProductStatus generated = awaitGenerated(key, first);
        assertThat(second.requestedAt()).isAfter(first.requestedAt()).isBefore(generated.at());

        double supersededBefore = superseded();
        send(second);

        awaitConsumed(second, supersededBefore);
        assertThat(emulator.stats().generationsByRequestId()).containsEntry(first.requestId(), 1L)
                .doesNotContainKey(second.requestId());
        assertThat(superseded()).isEqualTo(supersededBefore + 1);
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).hasSize(1);
        // no status for the skipped request: the product's latest status is still the first request's
        assertThat(topics().read(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer()))
                .extracting(record -> record.value().requestId()).containsOnly(first.requestId());
    }

    @Test
    void scanRequestMadeBeforeAnImageAnotherInstanceReportedOnTheStatusTopicIsNotGenerated() {
        Product product = product("Enamel Camping Mug", "Blue enamel camping mug with a speckled finish, 400 ml.");
        // another instance (or an earlier run) generated and stored the product's image; the catalog now has it
        Instant completedAt = Instant.now();
        topics().send(Topics.IMAGE_STATUS, String.valueOf(product.id()), new ProductStatus(product.id(),
                UUID.randomUUID().toString(), 1, State.COMPLETED, null, "image set", "catalog-updater", completedAt,
                null));
        await().atMost(WAIT).until(() -> view.lastImageOf(product.id()) != null);
        ImageRequest stale = scan(product, completedAt.minus(Duration.ofMinutes(5)));

        double supersededBefore = superseded();
        String key = send(stale);

        awaitConsumed(stale, supersededBefore);
        assertThat(emulator.stats().generationsByRequestId()).doesNotContainKey(stale.requestId());
        assertThat(superseded()).isEqualTo(supersededBefore + 1);
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void scanRequestMadeAfterTheProductsLastImageIsGenerated() {
        Product product = product("Leather Card Wallet", "Slim brown leather card wallet with four slots.");
        ImageRequest first = scan(product, Instant.now().minus(Duration.ofHours(2)));
        String key = send(first);
        ProductStatus generated = awaitGenerated(key, first);
        // the image was cleared from the catalog later, and the scanner asks for a new one
        ImageRequest again = scan(product, Instant.now());
        assertThat(again.requestedAt()).isAfter(generated.at());

        double supersededBefore = superseded();
        send(again);

        topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 2, WAIT);
        assertThat(emulator.stats().generationsByRequestId()).containsEntry(first.requestId(), 1L)
                .containsEntry(again.requestId(), 1L);
        assertThat(superseded()).isEqualTo(supersededBefore);
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, mode = EnumSource.Mode.EXCLUDE, names = "SCAN")
    void requestThatIsNotAScansIsGeneratedEvenWhenTheProductGotAnImageAfterItWasMade(Origin origin) {
        Product product = product("Glass Storage Jar", "Clear glass storage jar with a bamboo lid, 1 litre.");
        ImageRequest queued = scan(product, Instant.now().minus(Duration.ofHours(1)));
        // an operator asked for this product on purpose while the scan's request was still queued
        ImageRequest operators = new ImageRequest(UUID.randomUUID().toString(), product, 2, null, origin,
                queued.requestedAt().plus(Duration.ofMinutes(10)));
        String key = send(queued);
        ProductStatus generated = awaitGenerated(key, queued);
        assertThat(operators.requestedAt()).isBefore(generated.at());

        double supersededBefore = superseded();
        send(operators);

        topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 2, WAIT);
        assertThat(emulator.stats().generationsByRequestId()).containsEntry(queued.requestId(), 1L)
                .containsEntry(operators.requestId(), 1L);
        assertThat(superseded()).isEqualTo(supersededBefore);
    }

    // --- helpers ---

    private static Product product(String name, String description) {
        return new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name, description, 3,
                "Home", null);
    }

    private static ImageRequest scan(Product product, Instant requestedAt) {
        return new ImageRequest(UUID.randomUUID().toString(), product, 1, null, Origin.SCAN, requestedAt);
    }

    private static String send(ImageRequest request) {
        String key = String.valueOf(request.product().id());
        topics().send(Topics.IMAGE_REQUESTS, key, request);
        return key;
    }

    /** The request's image was generated and its GENERATED status is on the topic. */
    private ProductStatus awaitGenerated(String key, ImageRequest request) {
        List<ConsumerRecord<String, ProductStatus>> statuses =
                topics().await(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer(), 1, WAIT);
        ProductStatus status = statuses.get(statuses.size() - 1).value();
        assertThat(status.state()).isEqualTo(State.GENERATED);
        assertThat(status.requestId()).isEqualTo(request.requestId());
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
        return status;
    }

    /** The generator has dealt with the request: skipped it as superseded, or (the bug) generated it. */
    private void awaitConsumed(ImageRequest request, double supersededBefore) {
        await().atMost(WAIT).until(() -> superseded() > supersededBefore
                || emulator.stats().generationsForRequestId(request.requestId()) > 0);
    }

    private double superseded() {
        return metrics.find("generator.requests").tag("outcome", "superseded").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
