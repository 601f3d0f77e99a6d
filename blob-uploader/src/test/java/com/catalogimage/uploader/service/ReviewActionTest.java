package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewActionTest {

    private static final Instant AT = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void aDecisionOnTheImageAwaitingReviewIsCarriedOut() {
        Optional<ProductStatus> awaiting = status(State.AWAITING_REVIEW, "req-1");

        assertThat(ReviewAction.decide(awaiting, decision(Verdict.APPROVE, "req-1"))).isEqualTo(ReviewAction.PUBLISH);
        assertThat(ReviewAction.decide(awaiting, decision(Verdict.REJECT, "req-1"))).isEqualTo(ReviewAction.REJECT);
        assertThat(ReviewAction.decide(awaiting, decision(Verdict.REGENERATE, "req-1"))).isEqualTo(ReviewAction.NOTHING);
    }

    @Test
    void aDecisionOnAnotherRequestsImageIsStale() {
        assertThat(ReviewAction.decide(status(State.AWAITING_REVIEW, "req-2"), decision(Verdict.APPROVE, "req-1")))
                .isEqualTo(ReviewAction.STALE);
    }

    @Test
    void aSecondDecisionAfterTheFirstWasCarriedOutIsStale() {
        for (State after : new State[] {State.STORED, State.COMPLETED, State.SKIPPED, State.REQUESTED, State.GENERATED,
                State.DEAD_LETTERED}) {
            assertThat(ReviewAction.decide(status(after, "req-1"), decision(Verdict.APPROVE, "req-1")))
                    .as(after.name()).isEqualTo(ReviewAction.STALE);
            assertThat(ReviewAction.decide(status(after, "req-1"), decision(Verdict.REJECT, "req-1")))
                    .as(after.name()).isEqualTo(ReviewAction.STALE);
        }
    }

    @Test
    void aDecisionNamingAnotherBlobThanTheOnePutUpForReviewIsStale() {
        Optional<ProductStatus> awaiting = Optional.of(new ProductStatus(7, "req-1", 1, State.AWAITING_REVIEW, null,
                "images/7-jeans-ffffffffffff.png", "blob-uploader", AT, null));

        assertThat(ReviewAction.decide(awaiting, decision(Verdict.APPROVE, "req-1"))).isEqualTo(ReviewAction.STALE);
    }

    @Test
    void anImageIsAlreadyDecidedOnceItsRequestMovedOnFromReview() {
        assertThat(ReviewAction.alreadyDecided(status(State.STORED, "req-1"), "req-1")).isTrue();
        assertThat(ReviewAction.alreadyDecided(status(State.COMPLETED, "req-1"), "req-1")).isTrue();
        assertThat(ReviewAction.alreadyDecided(status(State.SKIPPED, "req-1"), "req-1")).isTrue();
        assertThat(ReviewAction.alreadyDecided(status(State.AWAITING_REVIEW, "req-1"), "req-1")).isFalse();
        assertThat(ReviewAction.alreadyDecided(status(State.GENERATED, "req-1"), "req-1")).isFalse();
        assertThat(ReviewAction.alreadyDecided(status(State.COMPLETED, "req-0"), "req-1")).isFalse();
        assertThat(ReviewAction.alreadyDecided(Optional.empty(), "req-1")).isFalse();
    }

    @Test
    void aDecisionOnAProductWithoutAnyStatusIsStale() {
        assertThat(ReviewAction.decide(Optional.empty(), decision(Verdict.APPROVE, "req-1"))).isEqualTo(ReviewAction.STALE);
        assertThat(ReviewAction.staleBecause(Optional.empty())).isEqualTo("no status of the product is known");
        assertThat(ReviewAction.staleBecause(status(State.COMPLETED, "req-1")))
                .isEqualTo("the product's latest status is COMPLETED for request req-1");
    }

    @Test
    void malformedDecisionsAreNamed() {
        assertThat(ReviewAction.malformed(null)).hasValue("the record is no review decision");
        assertThat(ReviewAction.malformed(new ReviewDecision("d", 7, null, Verdict.APPROVE, null, null, "op", AT)))
                .hasValue("a review decision without the image it decides");
        assertThat(ReviewAction.malformed(new ReviewDecision("d", 7, image("req-1"), null, null, null, "op", AT)))
                .hasValue("a review decision without a verdict");
        assertThat(ReviewAction.malformed(new ReviewDecision("d", 8, image("req-1"), Verdict.APPROVE, null, null, "op", AT)))
                .hasValue("a review decision on product 8 for an image of product 7");
        assertThat(ReviewAction.malformed(decision(Verdict.APPROVE, "req-1"))).isEmpty();
    }

    @Test
    void theRejectionDetailIsOnePlainBoundedLine() {
        ReviewDecision decision = new ReviewDecision("d", 7, image("req-1"), Verdict.REJECT,
                "wrong colour\r\n<b>too</b>  dark\u0000" + "x".repeat(1000), null, "operator", AT);

        String detail = ReviewAction.rejectionDetail(decision);

        assertThat(detail).startsWith("rejected by operator: wrong colour <b>too</b> dark x").doesNotContain("\n", "\r", "\u0000");
        assertThat(detail.length()).isLessThanOrEqualTo(520);
        assertThat(ReviewAction.rejectionDetail(new ReviewDecision("d", 7, image("req-1"), Verdict.REJECT, null, null,
                null, AT))).isEqualTo("rejected by a reviewer");
        assertThat(ReasonCode.REJECTED_BY_REVIEWER).isNotNull();
    }

    @Test
    void anApprovalOfAVariantTheImageHasIsWellFormed() {
        ReviewDecision approval = withVariant(decision(Verdict.APPROVE, "req-1"), 2,
                variant(1, "images/7-jeans-0123456789ab-v2.png"), variant(2, "images/7-jeans-0123456789ab-v3.png"));

        assertThat(ReviewAction.malformed(approval)).isEmpty();
        assertThat(ReviewAction.picked(approval).blobName()).isEqualTo("images/7-jeans-0123456789ab-v3.png");
        assertThat(ReviewAction.decide(status(State.AWAITING_REVIEW, "req-1"), approval)).isEqualTo(ReviewAction.PUBLISH);
    }

    @Test
    void anApprovalOfAVariantTheImageDoesNotHaveIsRefusedWithTheReason() {
        ReviewDecision unknown = withVariant(decision(Verdict.APPROVE, "req-1"), 3,
                variant(1, "images/7-jeans-0123456789ab-v2.png"));
        ReviewDecision none = withVariant(decision(Verdict.APPROVE, "req-1"), 1);
        ReviewDecision negative = withVariant(decision(Verdict.APPROVE, "req-1"), -1,
                variant(1, "images/7-jeans-0123456789ab-v2.png"));

        assertThat(ReviewAction.malformed(unknown)).hasValue("approves variant 3 of images/7-jeans-0123456789ab.png, "
                + "which has variants [1]: nothing published, the image still waits for a reviewer");
        assertThat(ReviewAction.malformed(none)).hasValueSatisfying(why -> assertThat(why).contains("which has no variants"));
        assertThat(ReviewAction.malformed(negative)).isPresent();
    }

    /** A variant listed under another blob than the one this service stored it as is never published. */
    @Test
    void anApprovalNamingAnotherBlobForTheVariantIsRefused() {
        ReviewDecision approval = withVariant(decision(Verdict.APPROVE, "req-1"), 1,
                variant(1, "images/99-other-product-ffffffffffff.png"));

        assertThat(ReviewAction.malformed(approval)).hasValue("approves variant 1 of images/7-jeans-0123456789ab.png as "
                + "blob images/99-other-product-ffffffffffff.png, but that variant is stored as "
                + "images/7-jeans-0123456789ab-v2.png: nothing published");
    }

    /** The variant matters for an approval only: a rejection of the whole call is carried out as always. */
    @Test
    void aRejectionIgnoresTheVariantIndex() {
        assertThat(ReviewAction.malformed(withVariant(decision(Verdict.REJECT, "req-1"), 5))).isEmpty();
    }

    private static StoredImage.Variant variant(int index, String blobName) {
        return new StoredImage.Variant(index, blobName, "http://127.0.0.1:10000/devstoreaccount1/products-review/"
                + blobName, 100, "sha-" + index, 1024, 1024);
    }

    private static ReviewDecision withVariant(ReviewDecision d, int variant, StoredImage.Variant... variants) {
        StoredImage i = d.image();
        StoredImage image = new StoredImage(i.request(), i.blobName(), i.url(), i.contentType(), i.sizeBytes(),
                i.sha256(), i.width(), i.height(), i.model(), i.storedAt(), i.verdict(), java.util.List.of(variants));
        return new ReviewDecision(d.decisionId(), d.productId(), image, d.verdict(), d.note(), d.prompt(), d.reviewer(),
                d.at(), variant);
    }

    private static Optional<ProductStatus> status(State state, String requestId) {
        return Optional.of(new ProductStatus(7, requestId, 1, state, null,
                state == State.AWAITING_REVIEW ? "images/7-jeans-0123456789ab.png" : null, "blob-uploader", AT, null));
    }

    private static ReviewDecision decision(Verdict verdict, String requestId) {
        return new ReviewDecision("decision-" + verdict, 7, image(requestId), verdict, "note", null, "operator", AT);
    }

    private static StoredImage image(String requestId) {
        return new StoredImage(new ImageRequest(requestId, new Product(7, "Jeans", "d", 1, "Apparel", null), 1, null,
                ImageRequest.Origin.SCAN, AT), "images/7-jeans-0123456789ab.png",
                "http://127.0.0.1:10000/devstoreaccount1/products-review/images/7-jeans-0123456789ab.png", "image/png",
                100, "0123456789ab", 1024, 1024, "gpt-image-1-mini", AT);
    }
}
