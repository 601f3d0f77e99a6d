package com.catalogimage.generator.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstOfASixthOfTheMinuteThenPacesAtTheRate() {
        RateLimit limit = new RateLimit(60, now::get); // 1 per second, bursts of 10
        for (int i = 0; i < 10; i++) {
            assertThat(limit.nanosUntilPermit()).isZero();
            limit.take();
        }
        assertThat(limit.nanosUntilPermit()).isBetween(999_000_000L, 1_000_000_000L);
        now.addAndGet(1_000_000_000L);
        assertThat(limit.nanosUntilPermit()).isZero();
    }

    @Test
    void azuresDefaultQuotaOfSixPerMinuteMeansOneCallEveryTenSeconds() {
        RateLimit limit = new RateLimit(6, now::get);
        limit.take();
        assertThat(limit.nanosUntilPermit()).isEqualTo(10_000_000_000L);
    }

    @Test
    void aThrottleHoldsForTheRetryAfterWithoutABurstAndHalvesTheRate() {
        RateLimit limit = new RateLimit(120, now::get);
        limit.throttled(Duration.ofSeconds(3).toNanos());
        assertThat(limit.nanosUntilPermit()).isGreaterThanOrEqualTo(3_000_000_000L);
        assertThat(limit.currentRpm()).isEqualTo(60);
        now.addAndGet(3_000_000_000L);
        // at 60 rpm, the first permit after the hold takes a second to refill
        assertThat(limit.nanosUntilPermit()).isBetween(900_000_000L, 1_000_000_000L);
        for (int i = 0; i < 30; i++) {
            limit.succeeded();
        }
        assertThat(limit.currentRpm()).isEqualTo(120);
    }

    @Test
    void retryAfterMsWinsOverRetryAfterSeconds() {
        assertThat(ImageApiException.retryAfter(Headers.builder().put("retry-after-ms", "1500").put("Retry-After", "2")
                .build())).isEqualTo(Duration.ofMillis(1500));
        assertThat(ImageApiException.retryAfter(Headers.builder().put("Retry-After", "7").build()))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(ImageApiException.retryAfter(Headers.builder().build())).isEqualTo(ImageApiException.DEFAULT_RETRY_AFTER);
    }
}
