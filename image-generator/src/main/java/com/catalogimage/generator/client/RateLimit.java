package com.catalogimage.generator.client;

import java.util.function.LongSupplier;

/**
 * The requests-per-minute limit of one deployment for this instance: a token bucket shared by all calling threads.
 * Azure evaluates its per-minute quota over short windows (about 10 s), so the bucket holds at most a sixth of a
 * minute's permits and refills continuously. A 429 holds the deployment for as long as Azure says, empties the bucket
 * (no burst after the wait) and halves the rate; every success wins a little of it back, up to the configured limit.
 *
 * <p>Why not SmallRye Fault Tolerance's {@code @RateLimit}: it rejects a call over the limit instead of waiting for a
 * permit, and it counts per annotated method, not per deployment; a call that must wait for Azure's quota has to
 * wait, and the pool needs to know when each deployment's next permit comes to pick the earliest one. Not thread-safe
 * by itself: {@link DeploymentPool} guards it.
 */
final class RateLimit {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int configuredRpm;
    private final LongSupplier clock;
    private double rpm;
    private double tokens;
    private long refilledAt;
    private long heldUntil;

    RateLimit(int requestsPerMinute, LongSupplier nanoClock) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1: " + requestsPerMinute);
        }
        this.configuredRpm = requestsPerMinute;
        this.clock = nanoClock;
        this.rpm = requestsPerMinute;
        this.refilledAt = nanoClock.getAsLong();
        this.heldUntil = refilledAt;
        this.tokens = capacity();
    }

    /** Nanoseconds until a permit is available (0: now). */
    long nanosUntilPermit() {
        long now = clock.getAsLong();
        refill(now);
        long hold = Math.max(0, heldUntil - now);
        long refill = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rpm * NANOS_PER_MINUTE);
        return Math.max(hold, refill);
    }

    /** Takes a permit; only after {@link #nanosUntilPermit()} said 0. */
    void take() {
        tokens -= 1;
    }

    /** A 429: nothing for {@code nanos}, then at half the rate, without a burst. */
    void throttled(long nanos) {
        long now = clock.getAsLong();
        heldUntil = Math.max(heldUntil, now + nanos);
        rpm = Math.max(1, rpm / 2);
        tokens = Math.min(tokens, 0);
        refilledAt = Math.max(refilledAt, heldUntil); // no refill while held
    }

    /** A failure that is not the quota's (5xx, timeout): avoid this deployment for {@code nanos}. */
    void cooldown(long nanos) {
        heldUntil = Math.max(heldUntil, clock.getAsLong() + nanos);
    }

    /** A success: win back a twentieth of the configured rate. */
    void succeeded() {
        rpm = Math.min(configuredRpm, rpm + Math.max(1, configuredRpm / 20.0));
    }

    double currentRpm() {
        return rpm;
    }

    private double capacity() {
        return Math.max(1, configuredRpm / 6.0);
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity(), tokens + (now - refilledAt) * rpm / NANOS_PER_MINUTE);
            refilledAt = now;
        }
    }
}
