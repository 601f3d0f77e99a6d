package com.catalogimage.messaging.shutdown;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The records a stage is working on, by the partition they came from, so that a shutdown, or a rebalance that takes
 * partitions away, can stop taking new ones and wait for those in hand: an image paid for but not yet published is lost
 * when the process exits under it, and when its partition moves to another consumer before it is out, the other one
 * takes the record again and pays for it a second time. A record {@linkplain #enter(Object) enters} before its work
 * starts and {@linkplain #exit(Object) exits} once its outcome is written and acknowledged. Once {@link #drain} began,
 * no record enters any more; once its partition is {@linkplain #release released}, no record of that partition enters
 * until it is {@linkplain #assigned assigned} again: such a record is left unacknowledged, for the consumer that gets
 * the partition next. Thread-safe.
 *
 * @param <P> how a partition is named (Kafka's {@code TopicPartition})
 */
public final class InFlightWork<P> {

    private final Map<P, Integer> inFlight = new HashMap<>();
    private final Set<P> released = new HashSet<>();
    private int total;
    private boolean draining;

    /** Whether a record of this partition may start; false once draining or released (then no {@link #exit}). */
    public synchronized boolean enter(P partition) {
        if (draining || released.contains(partition)) {
            return false;
        }
        inFlight.merge(partition, 1, Integer::sum);
        total++;
        return true;
    }

    public synchronized void exit(P partition) {
        inFlight.computeIfPresent(partition, (p, n) -> n > 1 ? n - 1 : null);
        total--;
        notifyAll();
    }

    /**
     * Whether a record that entered may still begin what costs money: not once its partition was released while it
     * waited (for another record of its product, say). It still {@linkplain #exit exits}.
     */
    public synchronized boolean mayStart(P partition) {
        return !draining && !released.contains(partition);
    }

    /** Whether a shutdown is waiting: work that waits for something (a budget, a permit) should give up instead. */
    public synchronized boolean draining() {
        return draining;
    }

    public synchronized int inFlight() {
        return total;
    }

    public synchronized int inFlight(Collection<P> partitions) {
        return inFlightOf(partitions);
    }

    /**
     * Lets no new record in and waits, at most {@code grace}, for the ones in hand.
     *
     * @return how many were still working when the grace ran out (0: all finished)
     */
    public synchronized int drain(Duration grace) throws InterruptedException {
        draining = true;
        awaitNone(() -> total, grace);
        return total;
    }

    /**
     * The partitions are taken away (a rebalance, or this consumer leaving): no new record of theirs starts, and this
     * waits, at most {@code grace}, for theirs in hand. During a shutdown's drain the wait is not repeated: the drain
     * already gave the work in hand its grace.
     *
     * @return how many records of these partitions were still working when the grace ran out (0: all finished)
     */
    public synchronized int release(Collection<P> partitions, Duration grace) throws InterruptedException {
        released.addAll(partitions);
        if (draining) {
            return inFlightOf(partitions);
        }
        awaitNone(() -> inFlightOf(partitions), grace);
        return inFlightOf(partitions);
    }

    /** The partitions are this consumer's (again): their records may start. */
    public synchronized void assigned(Collection<P> partitions) {
        released.removeAll(partitions);
    }

    private int inFlightOf(Collection<P> partitions) {
        return partitions.stream().distinct().mapToInt(p -> inFlight.getOrDefault(p, 0)).sum();
    }

    private void awaitNone(java.util.function.IntSupplier count, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (count.getAsInt() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
