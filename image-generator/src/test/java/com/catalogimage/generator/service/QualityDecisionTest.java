package com.catalogimage.generator.service;

import static com.catalogimage.contracts.QualityVerdict.Outcome.FAILED;
import static com.catalogimage.contracts.QualityVerdict.Outcome.NOT_CHECKED;
import static com.catalogimage.contracts.QualityVerdict.Outcome.PASSED;
import static com.catalogimage.generator.config.GeneratorConfig.QualityMode.ADVISORY;
import static com.catalogimage.generator.config.GeneratorConfig.QualityMode.ENFORCE;
import static com.catalogimage.generator.config.GeneratorConfig.QualityMode.OFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.QualityVerdict;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityDecisionTest {

    @Test
    void aPassingImageIsPublishedInEveryMode() {
        for (var mode : List.of(OFF, ADVISORY, ENFORCE)) {
            assertThat(QualityDecision.decide(mode, false, PASSED, 1)).isEqualTo(QualityDecision.PUBLISH);
        }
    }

    @Test
    void advisoryPublishesAFailingOrUncheckedImageWithItsVerdict() {
        assertThat(QualityDecision.decide(ADVISORY, false, FAILED, 1)).isEqualTo(QualityDecision.PUBLISH);
        assertThat(QualityDecision.decide(ADVISORY, false, NOT_CHECKED, 0)).isEqualTo(QualityDecision.PUBLISH);
        assertThat(QualityDecision.decide(OFF, false, NOT_CHECKED, 1)).isEqualTo(QualityDecision.PUBLISH);
    }

    @Test
    void enforceRegeneratesWhileRegenerationsAreLeft() {
        assertThat(QualityDecision.decide(ENFORCE, false, FAILED, 1)).isEqualTo(QualityDecision.REGENERATE);
        assertThat(QualityDecision.decide(ENFORCE, true, FAILED, 2)).isEqualTo(QualityDecision.REGENERATE);
    }

    @Test
    void enforceWithNoneLeftRejectsUnlessAReviewerDecides() {
        assertThat(QualityDecision.decide(ENFORCE, false, FAILED, 0)).isEqualTo(QualityDecision.REJECT);
        assertThat(QualityDecision.decide(ENFORCE, true, FAILED, 0)).isEqualTo(QualityDecision.PUBLISH);
    }

    @Test
    void enforceWithoutAJudgeHoldsTheImageForLaterUnlessAReviewerDecides() {
        assertThat(QualityDecision.decide(ENFORCE, false, NOT_CHECKED, 1)).isEqualTo(QualityDecision.CHECK_LATER);
        assertThat(QualityDecision.decide(ENFORCE, true, NOT_CHECKED, 1)).isEqualTo(QualityDecision.PUBLISH);
    }

    @Test
    void aCombinedVerdictIsTheLatestJudgementWithEveryChecksTokensAndCost() {
        QualityVerdict first = verdict(FAILED, List.of("Text on the label"), 1000, 500, "0.001");
        QualityVerdict second = verdict(PASSED, List.of(), 1100, 400, "0.002");
        QualityVerdict combined = QualityDecision.combine(first, second, 1);
        assertThat(combined.outcome()).isEqualTo(PASSED);
        assertThat(combined.reasons()).isEmpty();
        assertThat(combined.inputTokens()).isEqualTo(2100);
        assertThat(combined.outputTokens()).isEqualTo(900);
        assertThat(combined.costUsd()).isEqualByComparingTo("0.003");
        assertThat(combined.regenerations()).isEqualTo(1);
        assertThat(QualityDecision.combine(null, first, 0)).isEqualTo(first);
    }

    private static QualityVerdict verdict(QualityVerdict.Outcome outcome, List<String> reasons, long in, long out,
            String cost) {
        return new QualityVerdict(outcome, true, outcome == PASSED, true, true, reasons, "Trail shoe", "gpt-5-mini", in,
                out, new BigDecimal(cost), 0);
    }
}
