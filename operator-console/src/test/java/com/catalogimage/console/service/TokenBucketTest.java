package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGivesItsCapacityAtOnceThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(10), 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(0)).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(bucket.take(4 * SECOND)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void tokensComeBackAtTheRateAndNeverBeyondTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(10), 0);
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.take(10 * SECOND)).isZero();
        assertThat(bucket.take(10 * SECOND)).isPositive();
        assertThat(bucket.full(1_000 * SECOND)).isTrue();
        assertThat(bucket.take(1_000 * SECOND)).isZero();
        assertThat(bucket.take(1_000 * SECOND)).isZero();
        assertThat(bucket.take(1_000 * SECOND)).isPositive();
    }

    @Test
    void aWaitThatIsRefusedTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, Duration.ofSeconds(10), 0);
        bucket.take(0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(SECOND)).isEqualTo(Duration.ofSeconds(9));
        }
        assertThat(bucket.take(10 * SECOND)).isZero();
    }

    @Test
    void aClockGoingBackGivesNoTokens() {
        TokenBucket bucket = new TokenBucket(1, Duration.ofSeconds(10), 100 * SECOND);
        bucket.take(100 * SECOND);
        assertThat(bucket.take(50 * SECOND)).isPositive();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachUserHasABucketOfTheirOwn() {
        AtomicLong clock = new AtomicLong();
        RateLimits limits = new RateLimits(1, 6, clock::get);
        assertThat(limits.take("ann")).isZero();
        assertThat(limits.take("ann")).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.take("bob")).isZero();
        clock.set(10 * SECOND);
        assertThat(limits.take("ann")).isZero();
    }
}
