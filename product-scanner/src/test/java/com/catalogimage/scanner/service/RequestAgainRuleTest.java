package com.catalogimage.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.service.RequestAgainRule.Ground;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestAgainRuleTest {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aProductInFlightPastTheTimeoutIsStuck() {
        for (State state : new State[] {State.REQUESTED, State.GENERATED, State.STORED}) {
            assertThat(RequestAgainRule.ground(status(state, null, NOW.minus(Duration.ofHours(1))), TIMEOUT, NOW))
                    .contains(Ground.STUCK);
        }
    }

    @Test
    void aProductInFlightWithinTheTimeoutIsRefused() {
        assertThat(RequestAgainRule.ground(status(State.GENERATED, null, NOW.minusSeconds(60)), TIMEOUT, NOW)).isEmpty();
    }

    @Test
    void anImageAwaitingReviewMayBeRegeneratedHoweverFreshOrOld() {
        assertThat(RequestAgainRule.ground(status(State.AWAITING_REVIEW, null, NOW), TIMEOUT, NOW))
                .contains(Ground.AWAITING_REVIEW);
        assertThat(RequestAgainRule.ground(status(State.AWAITING_REVIEW, null, NOW.minus(Duration.ofDays(9))), TIMEOUT, NOW))
                .contains(Ground.AWAITING_REVIEW);
    }

    @Test
    void onlyAReviewersRejectionAmongTheSkipsIsAllowed() {
        assertThat(RequestAgainRule.ground(status(State.SKIPPED, ReasonCode.REJECTED_BY_REVIEWER, NOW), TIMEOUT, NOW))
                .contains(Ground.REJECTED_BY_REVIEWER);
        assertThat(RequestAgainRule.ground(status(State.SKIPPED, ReasonCode.VAGUE_DESCRIPTION, NOW.minus(Duration.ofDays(1))),
                TIMEOUT, NOW)).isEmpty();
    }

    @Test
    void completedAndDeadLetteredProductsAreRefusedWithTheirState() {
        ProductStatus completed = status(State.COMPLETED, null, NOW.minus(Duration.ofDays(1)));
        assertThat(RequestAgainRule.ground(completed, TIMEOUT, NOW)).isEmpty();
        assertThat(RequestAgainRule.ground(status(State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY,
                NOW.minus(Duration.ofDays(1))), TIMEOUT, NOW)).isEmpty();
        assertThat(RequestAgainRule.refusal(completed, TIMEOUT)).contains("product 7 is COMPLETED", "request r-1");
    }

    @Test
    void noStatusIsRefused() {
        assertThat(RequestAgainRule.ground(null, TIMEOUT, NOW)).isEmpty();
    }

    @Test
    void anOnDemandGenerationIsRefusedWhileTheProductIsInFlightAndSaysWhatToDoWhenStuck() {
        for (State state : new State[] {State.REQUESTED, State.GENERATED, State.STORED, State.UNKNOWN}) {
            assertThat(RequestAgainRule.generationRefusal(status(state, null, NOW.minusSeconds(5)), true, TIMEOUT, NOW))
                    .hasValueSatisfying(why -> assertThat(why).contains("in flight", state.name()));
        }
        assertThat(RequestAgainRule.generationRefusal(status(State.GENERATED, null, NOW.minus(Duration.ofHours(2))),
                false, TIMEOUT, NOW)).hasValueSatisfying(why -> assertThat(why).contains("request it again"));
    }

    @Test
    void anOnDemandGenerationIsAllowedForAProductAtRestOrNeverRequested() {
        assertThat(RequestAgainRule.generationRefusal(null, false, TIMEOUT, NOW)).isEmpty();
        for (State state : new State[] {State.COMPLETED, State.SKIPPED, State.AWAITING_REVIEW, State.DEAD_LETTERED}) {
            assertThat(RequestAgainRule.generationRefusal(status(state, ReasonCode.RETRIES_EXHAUSTED, NOW), false, TIMEOUT,
                    NOW)).as(state.name()).isEmpty();
        }
    }

    @Test
    void aContentPolicyRefusalIsGeneratedOnDemandOnlyWithTheOperatorsOwnPromptOrTemplate() {
        ProductStatus refused = status(State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY, NOW);
        assertThat(RequestAgainRule.generationRefusal(refused, false, TIMEOUT, NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("content filter"));
        assertThat(RequestAgainRule.generationRefusal(refused, true, TIMEOUT, NOW)).isEmpty();
    }

    private static ProductStatus status(State state, ReasonCode reason, Instant at) {
        return new ProductStatus(7, "r-1", 1, state, reason, null, "test", at, null);
    }
}
