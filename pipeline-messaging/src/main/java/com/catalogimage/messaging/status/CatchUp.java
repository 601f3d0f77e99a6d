package com.catalogimage.messaging.status;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How far a reader of a whole topic (read from the beginning at every start: the status topic, the generator's ledger
 * of paid images) is from where the topic ended when it started. A stage holds its own consumption until every topic it
 * rebuilds its memory from has caught up, or it decides on half a memory. Thread-safe: offsets are recorded on the
 * consumer's thread while others ask.
 */
public final class CatchUp {

    private final Supplier<Map<Integer, Long>> endOffsets;
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;

    /**
     * @param endOffsets the topic's end offsets per partition, read through the same client configuration as the
     *                   records (security settings included); {@code null} while they cannot be read yet
     */
    public CatchUp(Supplier<Map<Integer, Long>> endOffsets) {
        this.endOffsets = endOffsets;
    }

    /** A record at this offset was read (whatever it held). */
    public void consumed(int partition, long offset) {
        consumed.merge(partition, offset, Math::max);
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Waits, at most {@code max}, until the topic has been read up to the given end offsets (taken later than the
     * start's: what another process wrote before it handed over work, say).
     *
     * @return whether they were reached
     */
    public synchronized boolean awaitReached(Map<Integer, Long> ends, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (behind(ends) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Whether the topic has been read up to where it stood when this first asked for its end. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> targets = targets();
        if (targets == null) {
            return false;
        }
        caughtUp = behind(targets) == 0;
        return caughtUp;
    }

    /** Records still to read before {@link #caughtUp()}; -1 while the end is unknown. */
    public long behind() {
        Map<Integer, Long> targets = caughtUp ? Map.of() : targets();
        return targets == null ? -1 : behind(targets);
    }

    private Map<Integer, Long> targets() {
        if (endOffsetsAtStart == null) {
            endOffsetsAtStart = endOffsets.get();
        }
        return endOffsetsAtStart;
    }

    private long behind(Map<Integer, Long> targets) {
        return targets.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - 1 - consumed.getOrDefault(end.getKey(), -1L))).sum();
    }
}
