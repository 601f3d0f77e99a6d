package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.service.ReviewRule.Action;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewRuleTest {

    static final long ID = 7;

    @Test
    void aDecisionOnTheImageWaitingForTheStatusRequestIsWritten() {
        assertThat(check(waiting("r2"), image("r2"), "r2", null, Verdict.APPROVE).action()).isEqualTo(Action.WRITE);
        assertThat(check(waiting("r2"), image("r2"), null, null, Verdict.REJECT).action()).isEqualTo(Action.WRITE);
    }

    @Test
    void aProductNoLongerAwaitingReviewIsAlreadyDecided() {
        ReviewRule.Check check = check(Optional.of(status("r2", State.COMPLETED)), image("r2"), "r2", null, Verdict.APPROVE);
        assertThat(check.action()).isEqualTo(Action.STALE);
        assertThat(check.reason()).contains("already decided", "COMPLETED");
        assertThat(check(Optional.empty(), image("r2"), null, null, Verdict.APPROVE).action()).isEqualTo(Action.STALE);
    }

    @Test
    void aFormRenderedForAnOlderImageIsStale() {
        assertThat(check(waiting("r2"), image("r2"), "r1", null, Verdict.APPROVE).reason()).contains("replaced");
    }

    @Test
    void anImageNotYetOnTheTopicForTheStatusRequestCannotBeDecided() {
        assertThat(check(waiting("r2"), image("r1"), null, null, Verdict.APPROVE).action()).isEqualTo(Action.STALE);
        assertThat(check(waiting("r2"), Optional.empty(), null, null, Verdict.APPROVE).action()).isEqualTo(Action.STALE);
    }

    @Test
    void anApprovedOrRejectedImageIsNotDecidedAgain() {
        assertThat(check(waiting("r2"), image("r2"), "r2", Verdict.APPROVE, Verdict.REJECT).reason()).contains("approved");
        assertThat(check(waiting("r2"), image("r2"), "r2", Verdict.REJECT, Verdict.REGENERATE).reason()).contains("rejected");
    }

    @Test
    void afterARegenerateWhoseRequestFailedRegenerateOnlyAsksAgainAndApproveIsStillPossible() {
        assertThat(check(waiting("r2"), image("r2"), "r2", Verdict.REGENERATE, Verdict.REGENERATE).action())
                .isEqualTo(Action.REQUEST_ONLY);
        assertThat(check(waiting("r2"), image("r2"), "r2", Verdict.REGENERATE, Verdict.APPROVE).action())
                .isEqualTo(Action.WRITE);
    }

    private static ReviewRule.Check check(Optional<ProductStatus> latest, Optional<StoredImage> pending, String form,
            Verdict earlier, Verdict verdict) {
        return ReviewRule.check(ID, latest, pending, form, Optional.ofNullable(earlier), verdict);
    }

    @Test
    void theMainImageOrAVariantTheImageHasMayBePublishedAndNoOther() {
        StoredImage plain = image("r-1").orElseThrow();
        StoredImage three = new StoredImage(plain.request(), plain.blobName(), plain.url(), plain.contentType(), 1, "00",
                1, 1, "gpt-image-2", Instant.now(), null, java.util.List.of(
                        new StoredImage.Variant(1, "products/7-teapot-0123456789ab-v2.png", "http://x/v2", 1, "01", 1, 1),
                        new StoredImage.Variant(2, "products/7-teapot-0123456789ab-v3.png", "http://x/v3", 1, "02", 1, 1)));

        assertThat(ReviewRule.variantRefusal(ID, plain, 0)).isEmpty();
        assertThat(ReviewRule.variantRefusal(ID, three, 2)).isEmpty();
        assertThat(ReviewRule.variantRefusal(ID, three, 3)).hasValueSatisfying(why -> assertThat(why)
                .contains("no image 4"));
        assertThat(ReviewRule.variantRefusal(ID, plain, 1)).isPresent();
        assertThat(ReviewRule.variantRefusal(ID, three, -1)).isPresent();
    }

    private static Optional<ProductStatus> waiting(String requestId) {
        return Optional.of(status(requestId, State.AWAITING_REVIEW));
    }

    private static ProductStatus status(String requestId, State state) {
        return new ProductStatus(ID, requestId, 1, state, null, null, "blob-uploader", Instant.now(), null);
    }

    private static Optional<StoredImage> image(String requestId) {
        Product product = new Product(ID, "Teapot", "A white porcelain teapot.", 1, "Kitchen", null);
        ImageRequest request = new ImageRequest(requestId, product, 1, null, ImageRequest.Origin.SCAN, Instant.now());
        return Optional.of(new StoredImage(request, "products/7-teapot-0123456789ab.png", "http://x/7.png", "image/png",
                1, "00", 1, 1, "gpt-image-1", Instant.now()));
    }
}
