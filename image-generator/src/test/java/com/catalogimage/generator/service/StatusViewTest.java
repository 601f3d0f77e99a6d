package com.catalogimage.generator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The per-day totals the daily budget reads, kept in step with the statuses as they arrive in any order. */
class StatusViewTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-22");
    static final Instant EVENING = Instant.parse("2026-11-22T23:59:50Z");
    static final Instant NEXT_MORNING = Instant.parse("2026-11-23T00:00:10Z");
    static final BigDecimal PRICE = new BigDecimal("0.011");
    static final BigDecimal DEFAULT = new BigDecimal("0.005");

    private final StatusView view = new StatusView();
    private long offset;

    private void apply(long product, String requestId, State state, Instant at, BigDecimal cost) {
        view.onStatus(new ProductStatus(product, requestId, 1, state, null, null, "test", at, cost), 0, offset++);
    }

    @Test
    void oneImageIsCountedOnceOnTheDayItWasGeneratedWhateverStatusesFollow() {
        apply(1, "r1", State.GENERATED, EVENING, PRICE);
        apply(1, "r1", State.STORED, NEXT_MORNING, null);
        apply(1, "r1", State.COMPLETED, NEXT_MORNING, null);

        assertThat(view.imagesOn(DAY)).isEqualTo(1);
        assertThat(view.imagesOn(DAY.plusDays(1))).isZero();
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo(PRICE);
        assertThat(view.costOn(DAY.plusDays(1), DEFAULT)).isEqualByComparingTo("0");
    }

    @Test
    void aLaterStatusReadFirstMovesToTheEarlierDayAndTakesTheCostWhenTheGeneratedStatusComes() {
        // Compaction can leave only COMPLETED; a GENERATED from the day before may still come after it.
        apply(2, "r2", State.COMPLETED, NEXT_MORNING, null);
        assertThat(view.imagesOn(DAY.plusDays(1))).isEqualTo(1);
        assertThat(view.costOn(DAY.plusDays(1), DEFAULT)).isEqualByComparingTo(DEFAULT);

        apply(2, "r2", State.GENERATED, EVENING, PRICE);
        assertThat(view.imagesOn(DAY.plusDays(1))).isZero();
        assertThat(view.imagesOn(DAY)).isEqualTo(1);
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo(PRICE);
    }

    @Test
    void imagesWithoutACostArePricedAtTheDefaultAndAddUp() {
        apply(3, "r3", State.GENERATED, EVENING, PRICE);
        apply(4, "r4", State.STORED, EVENING, null);
        view.recordGenerated(5, "r5", PRICE, EVENING);
        apply(5, "r5", State.GENERATED, EVENING, PRICE); // its own status coming back: still one image

        assertThat(view.imagesOn(DAY)).isEqualTo(3);
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0.027"); // 0.011 + 0.005 + 0.011
    }

    @Test
    void statusesWithoutAnImageCountNothing() {
        apply(6, "r6", State.REQUESTED, EVENING, null);
        apply(6, "r6", State.DEAD_LETTERED, EVENING, null);
        assertThat(view.imagesOn(DAY)).isZero();
        assertThat(view.costOn(DAY, DEFAULT)).isEqualByComparingTo("0");
    }
}
