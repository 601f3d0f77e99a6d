package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(now::get);

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void unlimitedDeploymentIsNeverThrottled() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("free")).isZero();
        }
    }

    @Test
    void sixPerMinuteAllowsOneAtOnceAndTellsHowLongToWait() {
        limiter.setLimit("d", 6);
        assertThat(limiter.tryAcquire("d")).isZero();
        assertThat(limiter.tryAcquire("d")).isEqualTo(10_000);
        advanceMillis(4_000);
        assertThat(limiter.tryAcquire("d")).isEqualTo(6_000);
        advanceMillis(6_000);
        assertThat(limiter.tryAcquire("d")).isZero();
    }

    @Test
    void burstAboveASixthOfTheMinuteIsThrottled() {
        limiter.setLimit("d", 60); // capacity 10, one token a second
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("d")).as("call %d", i).isZero();
        }
        assertThat(limiter.tryAcquire("d")).isBetween(900L, 1_000L);
    }

    @Test
    void evenlySpacedCallsAtTheLimitAreNeverThrottledEvenWhenSlightlyEarly() {
        limiter.setLimit("d", 6); // one call every 10 s
        assertThat(limiter.tryAcquire("d")).isZero();
        for (int i = 0; i < 60; i++) {
            // scheduling noise: alternately 50 ms early and 50 ms late
            advanceMillis(i % 2 == 0 ? 9_950 : 10_050);
            assertThat(limiter.tryAcquire("d")).as("call %d", i).isZero();
        }
    }

    @Test
    void aThrottledCallDoesNotConsumeAToken() {
        limiter.setLimit("d", 6);
        limiter.tryAcquire("d");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("d")).isPositive();
        }
        advanceMillis(10_000);
        assertThat(limiter.tryAcquire("d")).isZero();
    }

    @Test
    void limitCanBeChangedAndRemoved() {
        limiter.setLimit("d", 6);
        limiter.tryAcquire("d");
        assertThat(limiter.tryAcquire("d")).isPositive();
        limiter.setLimit("d", 0);
        assertThat(limiter.tryAcquire("d")).isZero();
        assertThat(limiter.limit("d")).isZero();
    }
}
