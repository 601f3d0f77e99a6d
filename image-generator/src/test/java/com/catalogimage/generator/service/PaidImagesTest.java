package com.catalogimage.generator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What the generator rebuilds at start from the ledger and the status topic: request ids paid for and published, and
 * the per-day totals the daily budget reads, whatever compaction left of the statuses.
 */
class PaidImagesTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-22");
    static final Instant EVENING = Instant.parse("2026-11-22T23:59:50Z");
    static final Instant NEXT_MORNING = Instant.parse("2026-11-23T00:00:10Z");
    static final BigDecimal PRICE = new BigDecimal("0.011");
    static final BigDecimal DEFAULT = new BigDecimal("0.005");

    private final PaidImages view = new PaidImages();
    private long offset;

    private void status(long product, String requestId, State state, Instant at, BigDecimal cost) {
        view.onStatus(new ProductStatus(product, requestId, 1, state, null, null, "test", at, cost), 0, offset++);
    }

    private static PaidGeneration paid(long product, String requestId, Instant at) {
        return PaidGeneration.paid(null, requestId, product, "gpt-image-1-mini", "gpt-image-1-mini", PRICE, at);
    }

    @Test
    void theLedgerAloneRebuildsWhatCompactionTookFromTheStatuses() {
        // Product 1 was GENERATED, then dead-lettered by the uploader: compaction left only DEAD_LETTERED.
        view.onPaid(paid(1, "r1", EVENING));
        view.onPaid(paid(1, "r1", EVENING).asPublished());
        status(1, "r1", State.DEAD_LETTERED, EVENING, null);
        // Product 2 had an image under r2a, was requested again (r2b): compaction left only r2b's COMPLETED.
        view.onPaid(paid(2, "r2a", EVENING).asPublished());
        view.onPaid(paid(2, "r2b", EVENING).asPublished());
        status(2, "r2b", State.COMPLETED, EVENING, null);

        assertThat(view.imagesOn(DAY)).isEqualTo(3);
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0.033");
        assertThat(view.published("r1")).isTrue();
        assertThat(view.published("r2a")).isTrue();
        assertThat(view.lastImageOf(1)).isEqualTo(EVENING);
    }

    @Test
    void statusesOfARequestIdTheLedgerKnowsCountNothingMore() {
        view.onPaid(paid(3, "r3", EVENING).asPublished());
        status(3, "r3", State.GENERATED, EVENING, PRICE);
        status(3, "r3", State.STORED, NEXT_MORNING, null);
        status(3, "r3", State.COMPLETED, NEXT_MORNING, null);

        // and in the other order: statuses first, the ledger entry after
        status(4, "r4", State.COMPLETED, NEXT_MORNING, null);
        view.onPaid(paid(4, "r4", EVENING).asPublished());

        assertThat(view.imagesOn(DAY)).isEqualTo(2);
        assertThat(view.imagesOn(DAY.plusDays(1))).isZero();
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0.022");
    }

    @Test
    void anImagePaidForButNotPublishedCountsForTheBudgetButIsNoDuplicate() {
        PaidGeneration first = paid(5, "r5", EVENING);
        view.onPaid(first);
        assertThat(view.paid("r5")).isPresent();
        assertThat(view.published("r5")).as("a crash lost it before publication: generate again").isFalse();
        assertThat(view.imagesOn(DAY)).isEqualTo(1);

        PaidGeneration again = PaidGeneration.paid(view.paid("r5").orElseThrow(), "r5", 5, "gpt-image-1-mini",
                "gpt-image-1-mini", PRICE, EVENING);
        view.onPaid(again);
        view.onPaid(again.asPublished());
        view.onPaid(first); // the first entry read back late must not undo the second
        assertThat(view.published("r5")).isTrue();
        assertThat(view.imagesOn(DAY)).isEqualTo(2);
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0.022");
    }

    @Test
    void beforeTheLedgerExistedStatusesAreCountedOnTheEarliestDayWithTheirCost() {
        // Compaction can leave only COMPLETED; a GENERATED from the day before may still come after it.
        status(6, "r6", State.COMPLETED, NEXT_MORNING, null);
        assertThat(view.imagesOn(DAY.plusDays(1))).isEqualTo(1);
        assertThat(view.costOn(DAY.plusDays(1), DEFAULT)).isEqualByComparingTo(DEFAULT);
        assertThat(view.published("r6")).isTrue();

        status(6, "r6", State.GENERATED, EVENING, PRICE);
        assertThat(view.imagesOn(DAY.plusDays(1))).isZero();
        assertThat(view.imagesOn(DAY)).isEqualTo(1);
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo(PRICE);
    }

    @Test
    void statusesWithoutAnImageCountNothing() {
        status(7, "r7", State.REQUESTED, EVENING, null);
        status(7, "r7", State.DEAD_LETTERED, EVENING, null);
        assertThat(view.imagesOn(DAY)).isZero();
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0");
        assertThat(view.published("r7")).isFalse();
        assertThat(view.paid("r7")).isEmpty();
    }
}
