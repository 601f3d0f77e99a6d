package com.catalogimage.console.service;

import com.catalogimage.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per user for {@code POST /generations}: {@code console.generations.burst} at once, then
 * {@code per-minute} on average. Per user, not per address: the console sits behind a proxy or an ingress, and every
 * call is authenticated. Each paid call counts, MANUAL or preview; a repeated idempotency key does not (it pays nothing).
 * Full buckets are dropped now and then, so the map holds only users who called lately.
 */
@ApplicationScoped
public class RateLimits {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final Duration refill;
    private final LongSupplier clock;

    @Inject
    public RateLimits(ConsoleConfig config) {
        this(config.generations().burst(), config.generations().perMinute(), System::nanoTime);
    }

    public RateLimits(int burst, int perMinute, LongSupplier clock) {
        if (perMinute < 1) {
            throw new IllegalStateException("console.generations.per-minute must be at least 1, not " + perMinute);
        }
        this.burst = burst;
        this.refill = Duration.ofMinutes(1).dividedBy(perMinute);
        this.clock = clock;
    }

    /** Zero when the user may go on; otherwise how long until they may (for {@code Retry-After}). */
    public Duration take(String user) {
        long now = clock.getAsLong();
        if (buckets.size() > 1_000) {
            buckets.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().full(now);
                }
            });
        }
        TokenBucket bucket = buckets.computeIfAbsent(user, ignored -> new TokenBucket(burst, refill, now));
        synchronized (bucket) {
            return bucket.take(now);
        }
    }
}
