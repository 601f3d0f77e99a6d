package com.catalogimage.scanner.service;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scan with the requests in flight bounded at 2: the newest products first, the rest when room is made. */
@QuarkusTest
@TestProfile(BoundedScanTest.BoundOfTwo.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class BoundedScanTest {

    public static class BoundOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scan.max-in-flight", "2");
        }
    }

    @Inject
    ScanService scans;

    @Inject
    StatusStore store;

    @Test
    void theNewestProductsGoFirstAndTheRestWaitForRoom() {
        // The module's other tests share the broker and the catalog: their requests are answered first, so that the
        // generator's queue is empty (their products, without an image and COMPLETED, come back as re-requests, which
        // go after every product never requested).
        store.snapshot().values().stream().filter(status -> status.state() == State.REQUESTED).forEach(status ->
                topics().send(Topics.IMAGE_STATUS, String.valueOf(status.productId()), new ProductStatus(
                        status.productId(), status.requestId(), status.attempt(), State.COMPLETED, null, null,
                        "catalog-updater", Instant.now(), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.snapshot().values().stream()
                .noneMatch(status -> status.state() == State.REQUESTED));
        long older = insert("Jute Doormat");
        long newer = insert("Linen Apron");
        long newest = insert("Brass Candle Holder");

        ScanReport first = scans.scan("test");
        ScanReport second = scans.scan("test");

        assertThat(first.maxInFlight()).isEqualTo(2);
        assertThat(first.requested()).isEqualTo(2);
        assertThat(first.deferred()).isGreaterThanOrEqualTo(1);
        assertThat(requests(newest)).isEqualTo(1);
        assertThat(requests(newer)).isEqualTo(1);
        assertThat(requests(older)).isZero();
        assertThat(second.requested()).as("the bound is full").isZero();

        // The generator answers one: room for one more, the newest of those left.
        ProductStatus generated = new ProductStatus(newest, store.get(newest).orElseThrow().requestId(), 1,
                State.GENERATED, null, null, "image-generator", Instant.now(), null);
        topics().send(Topics.IMAGE_STATUS, String.valueOf(newest), generated);
        await().atMost(Duration.ofSeconds(15)).until(() -> store.get(newest).map(ProductStatus::state)
                .orElse(null) == State.GENERATED);
        ScanReport third = scans.scan("test");

        assertThat(third.requested()).isEqualTo(1);
        assertThat(requests(older)).isEqualTo(1);
    }

    private static long insert(String name) {
        return DabEmulatorTestResource.emulator().insertProduct(name + " " + UUID.randomUUID(),
                "A well made " + name.toLowerCase() + " for everyday use at home.", 3, "test", new BigDecimal("9.99"), "");
    }

    private static int requests(long id) {
        return topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer()).size();
    }
}
