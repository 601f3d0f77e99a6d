package com.catalogimage.contracts;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the vision model said about one image (the quality check, {@code QUALITY_CHECK=off|advisory|enforce}), and the
 * image's alt text. Travels with the image ({@link GeneratedImage}, {@link StoredImage}) and in the product's status, so
 * the run report, the console's cards and a {@code QUALITY_REJECTED} dead letter all show the same verdict.
 *
 * @param outcome         passed, failed, or not checked (the check is off, or the vision model could not be reached)
 * @param matchesProduct  the image shows the product the name, description and category describe
 * @param noTextOrLogos   no text, logos or watermarks
 * @param plainBackground a plain, uncluttered background
 * @param wholeAndCentred the product is whole (not cropped) and centred
 * @param reasons         the model's critique, one short plain sentence each, cleaned and bounded (at most
 *                        {@link #MAX_REASONS} of {@link #MAX_REASON_CHARS}); empty when it passed
 * @param altText         alt text for the image, cleaned by {@link AltText} (at most 125 characters); never {@code null}
 *                        on an image the generator produced (a fallback from the product's name when unchecked)
 * @param model           the chat model that judged it; {@code null} when not checked
 * @param inputTokens     prompt tokens of the check(s) of this image
 * @param outputTokens    completion tokens of the check(s) of this image
 * @param costUsd         what the check(s) cost at list price; {@code null} when nothing was paid
 * @param regenerations   how many times this product's image was generated again because a check failed (enforce)
 */
public record QualityVerdict(
        Outcome outcome,
        boolean matchesProduct,
        boolean noTextOrLogos,
        boolean plainBackground,
        boolean wholeAndCentred,
        List<String> reasons,
        String altText,
        String model,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        int regenerations) {

    public static final int MAX_REASONS = 6;
    public static final int MAX_REASON_CHARS = 200;

    /** The verdict's outcome. */
    public enum Outcome {
        PASSED, FAILED, NOT_CHECKED
    }

    public QualityVerdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** No check was made (off, or the model unreachable in advisory mode): only the fallback alt text. */
    public static QualityVerdict notChecked(String altText, String why) {
        return new QualityVerdict(Outcome.NOT_CHECKED, false, false, false, false,
                why == null ? List.of() : List.of(why), altText, null, 0, 0, null, 0);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** The same verdict after {@code count} regenerations. */
    public QualityVerdict withRegenerations(int count) {
        return new QualityVerdict(outcome, matchesProduct, noTextOrLogos, plainBackground, wholeAndCentred, reasons,
                altText, model, inputTokens, outputTokens, costUsd, count);
    }

    /** One line for a status detail or a dead letter's reason: outcome and critique. */
    public String summary() {
        return reasons.isEmpty() ? outcome.name().toLowerCase() : outcome.name().toLowerCase() + ": "
                + String.join("; ", reasons);
    }
}
