package com.catalogimage.console.service;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.QualityVerdict;

/**
 * What a card shows of an image's quality check: passed, failed with its reasons, or not checked, and its alt text.
 * From the verdict that travelled with the image ({@code StoredImage.verdict}, {@code ProductStatus.verdict}) or, for an
 * image only known by its blob, from the uploader's metadata. Model output is untrusted: the text is shown escaped
 * (Qute's default) and the alt text cleaned once more by {@link AltText} (it may come from metadata anyone with write
 * access to the container could set).
 *
 * @param outcome {@code PASSED}, {@code FAILED} or {@code NOT_CHECKED}
 * @param reasons the critique, one line, or null
 * @param altText the alt text, or null when none is known
 */
public record CardVerdict(String outcome, String reasons, String altText) {

    private static final String NOT_CHECKED = QualityVerdict.Outcome.NOT_CHECKED.name();

    public CardVerdict {
        outcome = outcome == null ? NOT_CHECKED : outcome;
        reasons = reasons == null || reasons.isBlank() ? null : reasons.strip();
        altText = altText == null ? null : AltText.clean(altText);
        altText = altText == null || altText.isBlank() ? null : altText;
    }

    /** From a verdict that travelled with the image; not checked when there is none. */
    public static CardVerdict of(QualityVerdict verdict) {
        if (verdict == null) {
            return new CardVerdict(NOT_CHECKED, null, null);
        }
        return new CardVerdict(verdict.outcome() == null ? NOT_CHECKED : verdict.outcome().name(),
                verdict.passed() ? null : String.join("; ", verdict.reasons()), verdict.altText());
    }

    /** From the blob's metadata, else from {@code verdict} (the status's), else not checked. */
    public static CardVerdict of(GalleryImage image, QualityVerdict verdict) {
        if (image != null && image.checkOutcome() != null) {
            return new CardVerdict(image.checkOutcome(), "PASSED".equals(image.checkOutcome()) ? null : image.checkReasons(),
                    image.altText() != null ? image.altText() : verdict == null ? null : verdict.altText());
        }
        CardVerdict travelled = of(verdict);
        if (travelled.altText() == null && image != null && image.altText() != null) {
            return new CardVerdict(travelled.outcome(), travelled.reasons(), image.altText());
        }
        return travelled;
    }

    /** "passed", "failed" or "not checked". */
    public String label() {
        return outcome.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The outcome as a CSS class suffix. */
    public String css() {
        return outcome.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean failed() {
        return "FAILED".equals(outcome);
    }
}
