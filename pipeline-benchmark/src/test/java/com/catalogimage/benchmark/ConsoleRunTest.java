package com.catalogimage.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleRunTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static List<State> states(long id) {
        return ConsoleRun.timeline(id, 5000, NOW).stream().map(ProductStatus::state).toList();
    }

    @Test
    void theSeededMixHasEachEndStateWithFilledTimelines() {
        assertThat(states(20)).containsExactly(State.REQUESTED, State.GENERATED, State.AWAITING_REVIEW);
        assertThat(states(21)).containsExactly(State.REQUESTED, State.GENERATED, State.AWAITING_REVIEW, State.SKIPPED);
        assertThat(ConsoleRun.timeline(21, 5000, NOW).get(3).reason()).isEqualTo(ReasonCode.REJECTED_BY_REVIEWER);
        assertThat(states(22)).containsExactly(State.REQUESTED, State.GENERATED, State.STORED, State.COMPLETED,
                State.REQUESTED, State.DEAD_LETTERED);
        assertThat(states(23)).containsExactly(State.REQUESTED, State.GENERATED, State.STORED, State.COMPLETED);
        // 28: every 7th of the rest needed a second attempt after its first ran out of retries
        assertThat(states(28)).containsExactly(State.REQUESTED, State.DEAD_LETTERED, State.REQUESTED, State.GENERATED,
                State.STORED, State.COMPLETED);
    }

    @Test
    void eachTimelineRunsForwardInTimeAndEndsInThePast() {
        for (long id = 1; id <= 5000; id++) {
            List<ProductStatus> timeline = ConsoleRun.timeline(id, 5000, NOW);
            for (int i = 1; i < timeline.size(); i++) {
                assertThat(timeline.get(i).at()).as("product %d, status %d", id, i).isAfter(timeline.get(i - 1).at());
            }
            assertThat(timeline.get(timeline.size() - 1).at()).isBefore(NOW);
        }
    }
}
