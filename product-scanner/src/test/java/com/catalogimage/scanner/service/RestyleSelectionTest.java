package com.catalogimage.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which products with an image are restyled, and only once. */
class RestyleSelectionTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final List<String> PREFIXES = List.of("https://cdn.supplier.example/", "http://127.0.0.1:7070/");

    @Test
    void anImageUnderAPrefixMatchesAndNoOtherDoes() {
        assertThat(RestyleSelection.matches("https://cdn.supplier.example/p/1.jpg", PREFIXES)).isTrue();
        assertThat(RestyleSelection.matches("http://127.0.0.1:7070/a.png", PREFIXES)).isTrue();
        assertThat(RestyleSelection.matches("https://cdn.supplier.example.evil/p.jpg", PREFIXES)).isFalse();
        assertThat(RestyleSelection.matches("HTTPS://CDN.SUPPLIER.EXAMPLE/p.jpg", PREFIXES)).isFalse();
        assertThat(RestyleSelection.matches(null, PREFIXES)).isFalse();
        assertThat(RestyleSelection.matches("https://cdn.supplier.example/p.jpg", List.of())).isFalse();
    }

    @Test
    void blankPrefixesAreDroppedSoThatNothingMatchesEverything() {
        assertThat(RestyleSelection.prefixes(Optional.of(List.of(" https://a.example/ ", "", "  ")))).containsExactly(
                "https://a.example/");
        assertThat(RestyleSelection.prefixes(Optional.empty())).isEmpty();
    }

    @Test
    void aProductNeverRequestedIsRestyledAsItsFirstAttempt() {
        ScanDecision decision = RestyleSelection.decide(Optional.empty(), TIMEOUT, NOW);
        assertThat(decision.kind()).isEqualTo(ScanDecision.Kind.REQUEST);
        assertThat(decision.attempt()).isEqualTo(1);
    }

    @Test
    void aRestyleOnItsWayOrWaitingForAReviewerIsNotRequestedAgain() {
        assertThat(decide(State.REQUESTED, null, NOW.minusSeconds(60)).kind()).isEqualTo(ScanDecision.Kind.IN_FLIGHT);
        assertThat(decide(State.STORED, null, NOW.minus(Duration.ofHours(2))).kind()).isEqualTo(ScanDecision.Kind.STUCK);
        assertThat(decide(State.AWAITING_REVIEW, null, NOW.minus(Duration.ofDays(3))).kind())
                .isEqualTo(ScanDecision.Kind.AWAITING_REVIEW);
        assertThat(decide(State.UNKNOWN, null, NOW).kind()).isEqualTo(ScanDecision.Kind.IN_FLIGHT);
    }

    @Test
    void aRestyleThatEndedIsNeverRequestedAgainByAScan() {
        ScanDecision rejected = decide(State.SKIPPED, ReasonCode.REJECTED_BY_REVIEWER, NOW);
        assertThat(rejected.kind()).isEqualTo(ScanDecision.Kind.SKIPPED_BEFORE);
        assertThat(rejected.reason()).isEqualTo(ReasonCode.REJECTED_BY_REVIEWER);
        assertThat(decide(State.SKIPPED, ReasonCode.ALREADY_HAS_IMAGE, NOW).kind())
                .isEqualTo(ScanDecision.Kind.SKIPPED_BEFORE);
        assertThat(decide(State.COMPLETED, null, NOW).kind()).isEqualTo(ScanDecision.Kind.DONE);
        assertThat(decide(State.DEAD_LETTERED, ReasonCode.INVALID_REQUEST, NOW).kind())
                .isEqualTo(ScanDecision.Kind.DEAD_LETTERED);
        for (ScanDecision decision : List.of(rejected, decide(State.COMPLETED, null, NOW))) {
            assertThat(decision.emits()).isFalse();
        }
    }

    private static ScanDecision decide(State state, ReasonCode reason, Instant at) {
        return RestyleSelection.decide(Optional.of(new ProductStatus(42, "r-1", 1, state, reason, null, "test", at,
                null)), TIMEOUT, NOW);
    }
}
