package com.catalogimage.localstack.imageapi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests-per-minute limits per deployment, approximating how Azure evaluates them: Azure does not count per calendar
 * minute but over short windows (about 10 s), so a burst larger than a sixth of the per-minute quota is throttled even
 * when the minute as a whole would have room. Modelled as a token bucket per deployment with capacity
 * {@code max(1, rpm/6)}, refilled continuously at {@code rpm/60} tokens per second.
 *
 * <p>A client that spaces its calls evenly at exactly the limit must never be throttled, yet its calls never arrive on
 * the nanosecond; so a call that comes up to 100 ms early (capped at a tenth of a token) is let through and the bucket
 * goes briefly into debt, which the next interval repays.
 */
final class RateLimiter {

    private static final double GRACE_SECONDS = 0.1;
    private static final double MAX_GRACE_TOKENS = 0.1;

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Sets (or with 0 removes) a deployment's limit; a new limit starts with a full bucket. */
    synchronized void setLimit(String deployment, int requestsPerMinute) {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0: " + requestsPerMinute);
        }
        if (requestsPerMinute == 0) {
            buckets.remove(deployment);
        } else {
            buckets.put(deployment, new Bucket(requestsPerMinute, nanoClock.getAsLong()));
        }
    }

    synchronized int limit(String deployment) {
        Bucket bucket = buckets.get(deployment);
        return bucket == null ? 0 : bucket.rpm;
    }

    synchronized Map<String, Integer> limits() {
        Map<String, Integer> limits = new HashMap<>();
        buckets.forEach((name, bucket) -> limits.put(name, bucket.rpm));
        return limits;
    }

    /**
     * Takes a token for one request.
     *
     * @return 0 when the request may proceed, else the milliseconds until a token will be available (at least 1)
     */
    synchronized long tryAcquire(String deployment) {
        Bucket bucket = buckets.get(deployment);
        if (bucket == null) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        bucket.refill(now);
        double grace = Math.min(MAX_GRACE_TOKENS, bucket.perSecond * GRACE_SECONDS);
        if (bucket.tokens + grace >= 1.0) {
            bucket.tokens -= 1.0;
            return 0;
        }
        double missing = 1.0 - bucket.tokens;
        return Math.max(1, (long) Math.ceil(missing / bucket.perSecond * 1000.0));
    }

    private static final class Bucket {
        final int rpm;
        final double capacity;
        final double perSecond;
        double tokens;
        long lastNanos;

        Bucket(int rpm, long now) {
            this.rpm = rpm;
            this.capacity = Math.max(1.0, rpm / 6.0);
            this.perSecond = rpm / 60.0;
            this.tokens = capacity;
            this.lastNanos = now;
        }

        void refill(long now) {
            double elapsedSeconds = (now - lastNanos) / 1e9;
            if (elapsedSeconds > 0) {
                tokens = Math.min(capacity, tokens + elapsedSeconds * perSecond);
                lastNanos = now;
            }
        }
    }
}
