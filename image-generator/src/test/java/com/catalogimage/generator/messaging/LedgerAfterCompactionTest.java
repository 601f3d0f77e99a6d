package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.generator.service.PaidImages;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An earlier life of the generator, as compaction of the status topic left it: product A was GENERATED and then
 * dead-lettered by the uploader, so only its DEAD_LETTERED status is left; product B had an image under one request and
 * then under a second, so only the second's COMPLETED is left. The ledger still holds all three paid images. This
 * application's start is the restart: it must count their spend and refuse to generate their request ids again. The
 * earlier life is dated on a day of its own, so the figures are exact whatever other tests paid for on the broker.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(LedgerAfterCompactionTest.EarlierLife.class)
class LedgerAfterCompactionTest {

    static final LocalDate DAY = LocalDate.parse("2020-02-29");
    static final Instant AT = Instant.parse("2020-02-29T12:00:00Z");
    static final BigDecimal PRICE = new BigDecimal("0.011");
    static final Product A = product("Ceramic Soap Dish", "White ceramic soap dish with drainage ridges.");
    static final Product B = product("Bamboo Cutting Board", "Large bamboo cutting board with a juice groove.");
    static final String A_REQUEST = UUID.randomUUID().toString();
    static final String B_FIRST = UUID.randomUUID().toString();
    static final String B_SECOND = UUID.randomUUID().toString();

    /** Written before the application starts: what an earlier generator and compaction left behind. */
    public static class EarlierLife implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            for (var paid : List.of(paid(A, A_REQUEST), paid(B, B_FIRST), paid(B, B_SECOND))) {
                topics().send(Topics.PAID_GENERATIONS, paid.requestId(), paid);
            }
            topics().send(Topics.IMAGE_STATUS, String.valueOf(A.id()), new ProductStatus(A.id(), A_REQUEST, 1,
                    State.DEAD_LETTERED, ReasonCode.INVALID_IMAGE, "refused by the uploader", "blob-uploader", AT, null));
            topics().send(Topics.IMAGE_STATUS, String.valueOf(B.id()), new ProductStatus(B.id(), B_SECOND, 2,
                    State.COMPLETED, null, "image set", "catalog-updater", AT, null));
            return Map.of();
        }

        private static PaidGeneration paid(Product product, String requestId) {
            return PaidGeneration.paid(null, requestId, product.id(), "gpt-image-1-mini", "gpt-image-1-mini", PRICE, AT)
                    .asPublished();
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    PaidImages paidImages;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRestartCountsTheSpendCompactionTookFromTheStatusesAndRefusesToPayForThoseRequestsAgain() {
        // readiness, and consumption, wait for the ledger: by now it is read
        await().atMost(Duration.ofSeconds(30)).until(() -> paidImages.imagesOn(DAY) == 3);
        assertThat(paidImages.costOn(DAY, BigDecimal.ZERO)).isEqualByComparingTo("0.033");

        double duplicatesBefore = duplicates();
        // the same three requests delivered again (a rewound group, a record redelivered after a lost commit)
        send(new ImageRequest(A_REQUEST, A, 1, null, Origin.SCAN, AT.minusSeconds(60)));
        send(new ImageRequest(B_FIRST, B, 1, null, Origin.SCAN, AT.minusSeconds(60)));
        send(new ImageRequest(B_SECOND, B, 2, null, Origin.REPLAY, AT.minusSeconds(30)));

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 3
                || emulator.stats().generationsForRequestId(A_REQUEST) > 0
                || emulator.stats().generationsForRequestId(B_FIRST) > 0
                || emulator.stats().generationsForRequestId(B_SECOND) > 0);
        assertThat(emulator.stats().generationsByRequestId()).doesNotContainKeys(A_REQUEST, B_FIRST, B_SECOND);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 3);
        assertThat(paidImages.imagesOn(DAY)).isEqualTo(3);
    }

    private static Product product(String name, String description) {
        return new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), name, description, 3,
                "Home", null);
    }

    private static void send(ImageRequest request) {
        topics().send(Topics.IMAGE_REQUESTS, String.valueOf(request.product().id()), request);
    }

    private double duplicates() {
        return metrics.find("generator.requests").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
