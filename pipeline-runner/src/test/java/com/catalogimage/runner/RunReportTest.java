package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict;
import java.time.Instant;
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

    @Test
    void showsThisRunsVerdictsRegenerationsChatCostAndEachCompletedProductsAltText() {
        QualityVerdict passed = verdict(QualityVerdict.Outcome.PASSED, "Pair of blue denim jeans, laid flat", 0, "0.0005");
        QualityVerdict regenerated = verdict(QualityVerdict.Outcome.PASSED,
                "Image of <script>alert(1)</script> https://evil.example Ceramic vase", 1, "0.0010");
        QualityVerdict failed = verdict(QualityVerdict.Outcome.FAILED, "Lava lamp", 1, "0.0010");
        List<ProductStatus> history = List.of(
                status(28, State.GENERATED, null, passed), status(28, State.STORED, null, passed),
                status(28, State.COMPLETED, null, passed),
                status(60, State.GENERATED, null, regenerated), status(60, State.COMPLETED, null, regenerated),
                status(61, State.DEAD_LETTERED, ReasonCode.QUALITY_REJECTED, failed),
                status(5, State.GENERATED, null, null), status(5, State.COMPLETED, null, null));

        RunReport.Quality quality = RunReport.Quality.of(history);
        List<String> altTexts = RunReport.altTexts(history, Map.of(28L, "Blue Denim Jeans", 60L, "Ceramic Vase"));
        String report = new RunReport(Duration.ofSeconds(5), Map.of(State.COMPLETED, 3), new TreeMap<>(),
                Map.of(State.COMPLETED, 3), new BigDecimal("0.020"), 3, 6, null, "gpt-image-1-mini, low, 1024x1024",
                quality, altTexts).render();

        assertThat(quality).isEqualTo(new RunReport.Quality(2, 1, 1, 2, new BigDecimal("0.0025")));
        assertThat(report).contains("Quality check: 2 passed, 1 failed, 1 not checked; 2 regenerated; chat $0.0025")
                .contains("  #28 Blue Denim Jeans: Pair of blue denim jeans, laid flat\n")
                .contains("  #60 Ceramic Vase: Alert 1 Ceramic vase\n")
                .doesNotContain("<script>", "evil.example", "#5 ");
    }

    @Test
    void listsAtMostTwentyAltTextsAndCountsTheRest() {
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> "#" + i + " P: alt").toList();
        String report = new RunReport(Duration.ofSeconds(5), Map.of(), new TreeMap<>(), Map.of(), BigDecimal.ZERO, 0, 0,
                null, "m", RunReport.Quality.NONE, many).render();

        assertThat(report).contains("  #20 P: alt\n").doesNotContain("#21 P").contains("  … and 5 more\n")
                .doesNotContain("Quality check");
    }

    private static QualityVerdict verdict(QualityVerdict.Outcome outcome, String alt, int regenerations, String cost) {
        return new QualityVerdict(outcome, true, true, true, true, List.of(), alt, "gpt-5-mini", 1200, 80,
                new BigDecimal(cost), regenerations);
    }

    private static ProductStatus status(long id, State state, ReasonCode reason, QualityVerdict verdict) {
        return new ProductStatus(id, "r-" + id, 1, state, reason, null, "s", Instant.now(), null, verdict);
    }
}
