package com.catalogimage.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.service.ScanDecision.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a scan does with a product without an image: plain JUnit, no broker, no catalog. */
class ScanDecisionTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final Product TEAPOT = new Product(7, "Teapot", "A white porcelain teapot with a bamboo handle.", 1,
            "Kitchen", null);

    private static ScanDecision decide(ProductStatus last) {
        return ScanDecision.decide(TEAPOT, Optional.ofNullable(last), Optional.empty(), TEAPOT.id(), TIMEOUT, NOW);
    }

    private static ProductStatus status(State state, ReasonCode reason, Instant at) {
        return new ProductStatus(TEAPOT.id(), "r1", 2, state, reason, null, "test", at, null);
    }

    @Test
    void aProductNeverSeenIsRequestedAsAttemptOne() {
        assertThat(decide(null)).isEqualTo(new ScanDecision(Kind.REQUEST, 1, null, null));
    }

    @Test
    void aRequestNotGeneratedPastTheTimeoutIsReportedStuckNeverRequestedAgain() {
        // REQUESTED and its request are one transaction: the request is on the topic, queued behind a halted generator.
        assertThat(decide(status(State.REQUESTED, null, NOW.minus(TIMEOUT).plusSeconds(1))).kind()).isEqualTo(Kind.IN_FLIGHT);
        ScanDecision stuck = decide(status(State.REQUESTED, null, NOW.minus(TIMEOUT)));
        assertThat(stuck).isEqualTo(new ScanDecision(Kind.STUCK, 0, null, null));
        assertThat(stuck.emits()).isFalse();
    }

    @Test
    void aStatusFromAClockHoursAheadIsFreshAndOneHoursBehindIsOnlyReportedStuck() {
        assertThat(decide(status(State.REQUESTED, null, NOW.plus(Duration.ofHours(3)))).kind()).isEqualTo(Kind.IN_FLIGHT);
        assertThat(decide(status(State.GENERATED, null, NOW.minus(Duration.ofHours(3)))).emits()).isFalse();
    }

    @Test
    void anImagePaidForThatWaitsInALaterStageIsReportedStuckNeverRequestedAgain() {
        // The uploader or the updater paused for longer than the timeout: a new request would pay for a second image.
        assertThat(decide(status(State.GENERATED, null, NOW.minus(TIMEOUT).plusSeconds(1))).kind()).isEqualTo(Kind.IN_FLIGHT);
        ScanDecision stuck = decide(status(State.STORED, null, NOW.minus(Duration.ofHours(5))));
        assertThat(stuck.kind()).isEqualTo(Kind.STUCK);
        assertThat(stuck.emits()).isFalse();
        assertThat(decide(status(State.GENERATED, null, NOW.minus(TIMEOUT))).kind()).isEqualTo(Kind.STUCK);
    }

    @Test
    void aStatusWithoutATimeOrOfAnUnknownStateCountsAsInFlight() {
        assertThat(decide(status(State.REQUESTED, null, null)).kind()).isEqualTo(Kind.IN_FLIGHT);
        assertThat(decide(status(State.UNKNOWN, null, NOW.minus(Duration.ofDays(2)))).kind()).isEqualTo(Kind.IN_FLIGHT);
    }

    @Test
    void aCompletedProductWhoseImageWasRemovedIsRequestedAgain() {
        assertThat(decide(status(State.COMPLETED, null, NOW)).kind()).isEqualTo(Kind.REQUEST_AGAIN);
        assertThat(decide(status(State.SKIPPED, ReasonCode.ALREADY_HAS_IMAGE, NOW)).kind()).isEqualTo(Kind.REQUEST_AGAIN);
    }

    @Test
    void skippedAndDeadLetteredProductsStayWhereTheyAreAndEmitNothing() {
        ScanDecision skipped = decide(status(State.SKIPPED, ReasonCode.VAGUE_DESCRIPTION, NOW));
        assertThat(skipped).isEqualTo(new ScanDecision(Kind.SKIPPED_BEFORE, 0, ReasonCode.VAGUE_DESCRIPTION, null));
        assertThat(skipped.emits()).isFalse();
        assertThat(decide(status(State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY, NOW)).emits()).isFalse();
    }

    @Test
    void badTextIsSkippedWithItsReasonAndACopyOfAnotherProductAsDuplicate() {
        ScanDecision vague = ScanDecision.decide(TEAPOT, Optional.empty(), Optional.of(ReasonCode.VAGUE_DESCRIPTION),
                TEAPOT.id(), TIMEOUT, NOW);
        assertThat(vague.kind()).isEqualTo(Kind.SKIP);
        assertThat(vague.reason()).isEqualTo(ReasonCode.VAGUE_DESCRIPTION);
        assertThat(vague.detail()).startsWith("description: \"A white porcelain teapot");
        assertThat(vague.emits()).isTrue();

        ScanDecision copy = ScanDecision.decide(TEAPOT, Optional.empty(), Optional.empty(), 3, TIMEOUT, NOW);
        assertThat(copy).isEqualTo(new ScanDecision(Kind.SKIP, 0, ReasonCode.DUPLICATE,
                "same name and description as product 3"));
    }

    @Test
    void anImageAwaitingReviewIsNeverRequestedNorStuckNorInFlight() {
        ScanDecision waiting = decide(status(State.AWAITING_REVIEW, null, NOW.minus(Duration.ofDays(30))));
        assertThat(waiting).isEqualTo(new ScanDecision(Kind.AWAITING_REVIEW, 0, null, null));
        assertThat(waiting.emits()).isFalse();
        ScanDecision.Tally tally = new ScanDecision.Tally();
        tally.count(waiting);
        assertThat(tally.awaitingReview).isEqualTo(1);
        assertThat(tally.inFlight).isZero();
        assertThat(tally.stuck).isZero();
        assertThat(tally.requested).isZero();
    }

    @Test
    void aRejectedImageStaysSkippedForScans() {
        ScanDecision rejected = decide(status(State.SKIPPED, ReasonCode.REJECTED_BY_REVIEWER, NOW));
        assertThat(rejected.kind()).isEqualTo(Kind.SKIPPED_BEFORE);
        assertThat(rejected.emits()).isFalse();
    }

    @Test
    void theTallyCountsEachDecisionOnce() {
        ScanDecision.Tally tally = new ScanDecision.Tally();
        tally.count(decide(null));
        tally.count(decide(status(State.COMPLETED, null, NOW)));
        tally.count(decide(status(State.SKIPPED, ReasonCode.DUPLICATE, NOW)));
        tally.count(decide(status(State.STORED, null, NOW.minus(Duration.ofDays(1)))));
        assertThat(tally.requested).isEqualTo(2);
        assertThat(tally.inFlight).isEqualTo(1);
        assertThat(tally.stuck).isEqualTo(1);
        assertThat(tally.again).isEqualTo(1);
        assertThat(tally.skipped).containsEntry(ReasonCode.DUPLICATE, 1);
    }
}
