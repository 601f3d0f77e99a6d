package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunReportTest {

    @Test
    void countsProductsAwaitingReviewAndThoseTheReviewerRejected() {
        Map<State, Integer> byState = new EnumMap<>(State.class);
        byState.put(State.COMPLETED, 3);
        byState.put(State.SKIPPED, 1);
        byState.put(State.AWAITING_REVIEW, 2);
        Map<ReasonCode, List<String>> byReason = new TreeMap<>();
        byReason.put(ReasonCode.REJECTED_BY_REVIEWER, List.of("#7 Trail Mix (rejected by operator: too dark)"));

        String report = new RunReport(Duration.ofSeconds(5), byState, byReason, Map.of(State.AWAITING_REVIEW, 2),
                BigDecimal.ZERO, 3, 6, null, "gpt-image-1-mini, low, 1024x1024").render();

        assertThat(report).contains("  awaiting review     2\n")
                .contains("  COMPLETED           3\n")
                .contains("  REJECTED_BY_REVIEWER   1:\n")
                .contains("#7 Trail Mix (rejected by operator: too dark)")
                .contains("This run: awaiting-review 2");
    }
}
