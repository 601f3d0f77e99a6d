package com.catalogimage.messaging.order;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the work on one key (a product id) while different keys run in parallel. Stages consume out of order
 * ({@code @Blocking(ordered = false)}), so two records of one product (a redelivery, a replay beside a scan's request)
 * can be taken by two workers at once; whatever reads state, decides and writes for one product must not interleave
 * with itself, or both copies read "not done yet" and both do it. Striped: a fixed number of locks, a key's lock chosen
 * by its hash, so memory stays constant however many products pass; two products sharing a stripe only wait for each
 * other, which with far more stripes than workers is rare.
 */
public final class KeyLocks {

    /** Far more than any stage's worker count, so unrelated products seldom share a lock. */
    public static final int DEFAULT_STRIPES = 64;

    /** A lock held; closing it releases it (on the thread that took it). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantLock[] stripes;

    public KeyLocks() {
        this(DEFAULT_STRIPES);
    }

    public KeyLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes must be positive: " + stripes);
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Waits for the key's lock: use in try-with-resources. Reentrant, so work that handles its own record again on the
     * same thread (a held record's retry) does not deadlock.
     */
    public Held lock(long key) {
        ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(key), stripes.length)];
        lock.lock();
        return lock::unlock;
    }
}
