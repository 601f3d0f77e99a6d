package com.catalogimage.uploader.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.StoredImage;
import java.util.Optional;

/**
 * What the uploader does with a reviewer's decision: carry it out only while the product's latest status is
 * AWAITING_REVIEW for the very request whose image was decided. Anything else is stale (a second decision on the same
 * image, a decision redelivered after it was carried out, one for an image the product has since moved past): it
 * changes nothing. Being keyed on the latest status, not on decision ids, is what makes a redelivered decision and a
 * restart safe: the status topic holds the answer.
 */
public enum ReviewAction {
    /** Copy the image to the public container, then the auto path: stored image and STORED. */
    PUBLISH,
    /** SKIPPED REJECTED_BY_REVIEWER; the blobs stay in the review container. */
    REJECT,
    /** Nothing here: the console asks the scanner for the new request. */
    NOTHING,
    /** Logged and acknowledged; nothing written. */
    STALE;

    /**
     * {@code decision} is well formed: it has an image with a request, and a verdict. The AWAITING_REVIEW status names
     * the blob put up for review (its detail): a decision naming another blob is stale too, so a console bug cannot
     * publish an image nobody was shown.
     */
    public static ReviewAction decide(Optional<ProductStatus> latest, ReviewDecision decision) {
        String requestId = decision.image().request().requestId();
        String blobName = decision.image().blobName();
        boolean awaiting = latest.filter(status -> status.state() == State.AWAITING_REVIEW)
                .filter(status -> requestId != null && requestId.equals(status.requestId()))
                .filter(status -> status.detail() == null || status.detail().equals(blobName)).isPresent();
        if (!awaiting) {
            return STALE;
        }
        return switch (decision.verdict()) {
            case APPROVE -> PUBLISH;
            case REJECT -> REJECT;
            case REGENERATE -> NOTHING;
        };
    }

    /**
     * Whether a reviewer has already decided on this request's image: its latest status moved on from AWAITING_REVIEW
     * (approved: STORED, COMPLETED; rejected: SKIPPED). A generated image delivered again (a crash before its offset
     * was committed) must then not be put up for review again.
     */
    public static boolean alreadyDecided(Optional<ProductStatus> latest, String requestId) {
        return latest.filter(status -> requestId != null && requestId.equals(status.requestId()))
                .filter(status -> status.state() == State.STORED || status.state() == State.COMPLETED
                        || status.state() == State.SKIPPED).isPresent();
    }

    /** Why a decision is stale, for the log line. */
    public static String staleBecause(Optional<ProductStatus> latest) {
        return latest.map(status -> "the product's latest status is " + status.state() + " for request "
                + status.requestId()).orElse("no status of the product is known");
    }

    /**
     * A decision that cannot be carried out whatever the statuses say (a console bug, a hand-written record): poison.
     *
     * @return why, or empty when it is well formed
     */
    public static Optional<String> malformed(ReviewDecision decision) {
        if (decision == null) {
            return Optional.of("the record is no review decision");
        }
        if (decision.verdict() == null) {
            return Optional.of("a review decision without a verdict");
        }
        if (decision.image() == null || decision.image().request() == null
                || decision.image().request().product() == null || decision.image().blobName() == null) {
            return Optional.of("a review decision without the image it decides");
        }
        if (decision.image().request().product().id() != decision.productId()) {
            return Optional.of("a review decision on product " + decision.productId() + " for an image of product "
                    + decision.image().request().product().id());
        }
        return decision.verdict() == ReviewDecision.Verdict.APPROVE ? unknownVariant(decision) : Optional.empty();
    }

    /**
     * An approval of variant {@code k} must name one of the decided image's variants, stored where this service put it
     * ({@link BlobNamer#variantName}): a console bug or a hand-written record naming an index the image does not have,
     * or another blob, publishes nothing (decision 0031). Empty when the approval is of the main image (0).
     *
     * @return why not, or empty
     */
    static Optional<String> unknownVariant(ReviewDecision decision) {
        int k = decision.variant();
        if (k == 0) {
            return Optional.empty();
        }
        String image = decision.image().blobName();
        var variants = decision.image().variantsOrEmpty();
        if (k < 0 || variants.stream().noneMatch(v -> v.index() == k)) {
            return Optional.of("approves variant " + k + " of " + image + ", which has " + (variants.isEmpty()
                    ? "no variants" : "variants " + variants.stream().map(v -> String.valueOf(v.index())).toList())
                    + ": nothing published, the image still waits for a reviewer");
        }
        String expected = BlobNamer.variantName(image, k);
        if (!expected.equals(picked(decision).blobName())) {
            return Optional.of("approves variant " + k + " of " + image + " as blob " + picked(decision).blobName()
                    + ", but that variant is stored as " + expected + ": nothing published");
        }
        return Optional.empty();
    }

    /** The variant an approval picks; only for a decision whose {@link #unknownVariant} is empty and variant is not 0. */
    public static StoredImage.Variant picked(ReviewDecision decision) {
        return decision.image().variantsOrEmpty().stream().filter(v -> v.index() == decision.variant()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + decision.variant()));
    }

    /** The status detail of a rejection: {@code rejected by <reviewer>: <note>}, one plain line, bounded. */
    public static String rejectionDetail(ReviewDecision decision) {
        String reviewer = plain(decision.reviewer(), 100);
        String note = plain(decision.note(), 400);
        return "rejected by " + (reviewer.isEmpty() ? "a reviewer" : reviewer) + (note.isEmpty() ? "" : ": " + note);
    }

    private static String plain(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").replaceAll("\\s+", " ").strip();
        if (line.length() <= max) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, end) + "…";
    }
}
