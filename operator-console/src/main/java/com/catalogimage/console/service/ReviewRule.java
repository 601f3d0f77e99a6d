package com.catalogimage.console.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import java.util.Optional;

/**
 * Whether a reviewer's decision on a product may be written now. Pure: no I/O. The uploader checks again when it
 * carries a decision out (a decision that arrives stale changes nothing), so this is for the person: a form rendered
 * before someone else decided, or before the product moved on to another image, says "already decided" instead of
 * writing a decision that would be ignored.
 *
 * <p>A decision is current when the product's latest status is AWAITING_REVIEW for the request of the image waiting on
 * {@code images-awaiting-review}, for the request the form was rendered for (if it names one), and no approve or reject
 * was written for that request yet. An earlier REGENERATE decides nothing by itself (the uploader writes nothing for it;
 * the scanner's new request does): after one whose request to the scanner failed, regenerating again asks the scanner
 * again without a second decision, and approving or rejecting instead is still possible.
 */
public final class ReviewRule {

    /** What to do with a decision. */
    public enum Action {
        /** Write the decision (and, for REGENERATE, then ask the scanner for the new request). */
        WRITE,
        /** REGENERATE again after a REGENERATE whose scanner call failed: ask the scanner only. */
        REQUEST_ONLY,
        /** Someone decided already, or the product moved on: write nothing. */
        STALE
    }

    /** @param reason for {@link Action#STALE}: what the person is told */
    public record Check(Action action, String reason) {
    }

    private ReviewRule() {
    }

    /**
     * @param latest        the product's latest status, if any
     * @param pending       the image waiting for a reviewer, if any
     * @param formRequestId the request id the form was rendered for, or null (bulk approve: whatever waits now)
     * @param earlier       the verdict of the latest decision already written for the pending image's request, if any
     * @param verdict       the decision asked for
     */
    public static Check check(long productId, Optional<ProductStatus> latest, Optional<StoredImage> pending,
            String formRequestId, Optional<Verdict> earlier, Verdict verdict) {
        if (latest.isEmpty() || latest.get().state() != ProductStatus.State.AWAITING_REVIEW) {
            return stale("product " + productId + " is already decided: it is "
                    + latest.map(status -> String.valueOf(status.state())).orElse("unknown") + " now");
        }
        String waiting = latest.get().requestId();
        if (pending.isEmpty() || pending.get().request() == null || !waiting.equals(pending.get().request().requestId())) {
            return stale("product " + productId + " has no image waiting for request " + waiting + " yet");
        }
        if (formRequestId != null && !formRequestId.isBlank() && !formRequestId.equals(waiting)) {
            return stale("product " + productId + " is already decided: the image shown was replaced by a newer one");
        }
        if (earlier.isPresent() && earlier.get() != Verdict.REGENERATE) {
            return stale("product " + productId + " is already decided: "
                    + (earlier.get() == Verdict.APPROVE ? "approved" : "rejected"));
        }
        if (earlier.isPresent() && verdict == Verdict.REGENERATE) {
            return new Check(Action.REQUEST_ONLY, null);
        }
        return new Check(Action.WRITE, null);
    }

    /**
     * Why the image a reviewer picked cannot be published, or empty when it can: 0 (the main image) always, {@code k}
     * only when the image waiting has a variant {@code k} (a form rendered for another image, or a number made up).
     */
    public static Optional<String> variantRefusal(long productId, StoredImage image, int variant) {
        if (variant == 0 || image.variantsOrEmpty().stream().anyMatch(v -> v.index() == variant)) {
            return Optional.empty();
        }
        return Optional.of("product " + productId + " has no image " + (variant + 1) + " waiting: nothing was published");
    }

    private static Check stale(String reason) {
        return new Check(Action.STALE, reason);
    }
}
