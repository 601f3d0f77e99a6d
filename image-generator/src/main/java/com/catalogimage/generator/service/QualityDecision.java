package com.catalogimage.generator.service;

import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.generator.config.GeneratorConfig.QualityMode;
import java.math.BigDecimal;

/**
 * What becomes of an image once it has its verdict (docs/decisions/0024). Pure: the generation service carries it out.
 */
public enum QualityDecision {
    /** Out it goes, with its verdict (passed, advisory, off, or a reviewer will see the failing verdict). */
    PUBLISH,
    /** Enforced and failed, with a regeneration left: generate again with the critique folded into the prompt. */
    REGENERATE,
    /** Enforced and failed with nothing left, no reviewer: dead letter {@code QUALITY_REJECTED} with the verdict. */
    REJECT,
    /**
     * Enforced, no reviewer, and the judge could not be reached: the paid image is held and the record comes again
     * later, when the judge is asked once more; neither published unchecked nor paid for twice.
     */
    CHECK_LATER;

    /**
     * @param regenerationsLeft how many more images this delivery may pay for because of a failed check (0 also when
     *                          the budget admits no more)
     */
    public static QualityDecision decide(QualityMode mode, boolean manualReview, QualityVerdict.Outcome outcome,
            int regenerationsLeft) {
        if (mode != QualityMode.ENFORCE || outcome == QualityVerdict.Outcome.PASSED) {
            return PUBLISH;
        }
        if (outcome == QualityVerdict.Outcome.NOT_CHECKED) {
            return manualReview ? PUBLISH : CHECK_LATER;
        }
        if (regenerationsLeft > 0) {
            return REGENERATE;
        }
        return manualReview ? PUBLISH : REJECT;
    }

    /**
     * The verdict an image carries after {@code regenerations}: the latest judgement, with the tokens and cost of every
     * check made for the product in this delivery ({@code earlier}, null for the first), so the status's cost and the
     * run report add up.
     */
    public static QualityVerdict combine(QualityVerdict earlier, QualityVerdict latest, int regenerations) {
        if (earlier == null) {
            return latest.withRegenerations(regenerations);
        }
        BigDecimal cost = earlier.costUsd() == null ? latest.costUsd()
                : latest.costUsd() == null ? earlier.costUsd() : earlier.costUsd().add(latest.costUsd());
        return new QualityVerdict(latest.outcome(), latest.matchesProduct(), latest.noTextOrLogos(),
                latest.plainBackground(), latest.wholeAndCentred(), latest.reasons(), latest.altText(),
                latest.model() != null ? latest.model() : earlier.model(), earlier.inputTokens() + latest.inputTokens(),
                earlier.outputTokens() + latest.outputTokens(), cost, regenerations);
    }
}
