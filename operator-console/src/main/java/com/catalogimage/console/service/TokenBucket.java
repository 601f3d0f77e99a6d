package com.catalogimage.console.service;

import java.time.Duration;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains one every {@code refill}, and each call takes one. Pure
 * (the caller gives the time, in nanoseconds of a monotonic clock) and not thread-safe: {@link RateLimits} serialises
 * the calls of one bucket.
 */
public final class TokenBucket {

    private final int capacity;
    private final long refillNanos;
    private double tokens;
    private long last;

    /**
     * @param capacity how many calls may come at once (at least 1)
     * @param refill   how long one token takes to come back (positive)
     * @param now      the clock's reading when the bucket is made: it starts full
     */
    public TokenBucket(int capacity, Duration refill, long now) {
        if (capacity < 1 || refill.isZero() || refill.isNegative()) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive refill");
        }
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
        this.tokens = capacity;
        this.last = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return zero when taken; otherwise how long until one is there (nothing is taken)
     */
    public Duration take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
    }

    /** Whether the bucket is full at this time (a full bucket holds nothing worth remembering). */
    public boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (double) (now - last) / refillNanos);
            last = now;
        }
    }
}
