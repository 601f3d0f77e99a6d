package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.client.ScanFigures;
import com.catalogimage.contracts.ProductStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static ScanFigures scan(int seen, int missing, Integer total) {
        return new ScanFigures("scheduled", "table", Instant.now(), Instant.now(), seen, missing, 0, 0, 0, total);
    }

    @Test
    void aWholeCatalogScanGivesTheTotalAndTheStatusMemoryWhereTheRestAre() {
        Coverage c = Coverage.of(scan(100, 40, null), Map.of(State.REQUESTED, 5L, State.GENERATED, 2L, State.STORED, 1L,
                State.COMPLETED, 60L, State.SKIPPED, 3L, State.DEAD_LETTERED, 2L, State.AWAITING_REVIEW, 4L), 0);

        assertThat(c.total()).isEqualTo(100);
        assertThat(c.withImage()).isEqualTo(60);
        assertThat(c.withoutImage()).isEqualTo(40);
        assertThat(c.inFlight()).isEqualTo(8);
        assertThat(c.awaitingReview()).isEqualTo(4);
        assertThat(c.skipped()).isEqualTo(3);
        assertThat(c.deadLettered()).isEqualTo(2);
        assertThat(c.percent()).isEqualTo(60);
        assertThat(c.remaining()).isEqualTo(40 - 3 - 2 - 4);
    }

    @Test
    void productsCompletedSinceTheScanAreNotCountedAsMissing() {
        Coverage c = Coverage.of(scan(100, 40, null), Map.of(State.COMPLETED, 65L), 5);

        assertThat(c.withoutImage()).isEqualTo(35);
        assertThat(c.withImage()).isEqualTo(65);
    }

    @Test
    void aTableModeScanReadsOnlyMissingRowsSoTheTotalAddsWhatThePipelineCompleted() {
        Coverage c = Coverage.of(scan(40, 40, null), Map.of(State.COMPLETED, 60L), 0);

        assertThat(c.total()).isEqualTo(100);
        assertThat(c.withImage()).isEqualTo(60);
    }

    @Test
    void aTotalTheScannerReportsWins() {
        assertThat(Coverage.of(scan(40, 40, 250), Map.of(State.COMPLETED, 60L), 0).total()).isEqualTo(250);
    }

    @Test
    void beforeTheFirstScanOnlyTheKnownProductsCount() {
        Coverage c = Coverage.of(null, Map.of(State.COMPLETED, 3L, State.REQUESTED, 1L), 0);

        assertThat(c.scanned()).isFalse();
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.withImage()).isEqualTo(3);
        assertThat(c.withoutImage()).isEqualTo(1);
    }

    @Test
    void theEtaFollowsTheObservedRateButNeverBeatsTheQuota() {
        assertThat(Eta.of(60, 6, 12)).contains(Duration.ofMinutes(10));
        assertThat(Eta.of(60, 30, 12)).contains(Duration.ofMinutes(5));
        assertThat(Eta.of(0, 0, 12)).contains(Duration.ZERO);
        assertThat(Eta.of(10, 0, 12)).isEmpty();
        assertThat(Eta.text(Optional.of(Duration.ofMinutes(200)))).isEqualTo("3 h 20 min");
        assertThat(Eta.text(Optional.empty())).startsWith("unknown");
    }

    @Test
    void theRateCountsOnlyRecentCompletions() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        CompletionRate rate = new CompletionRate(Duration.ofMinutes(5));
        rate.completed(now.minus(Duration.ofHours(2)), now);
        for (int i = 0; i < 10; i++) {
            rate.completed(now.minusSeconds(i * 10), now);
        }

        assertThat(rate.perMinute(now)).isEqualTo(2.0);
        assertThat(rate.perMinute(now.plus(Duration.ofMinutes(10)))).isZero();
    }
}
