package com.catalogimage.messaging.shutdown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The records a stage is working on, so that a shutdown can stop taking new ones and wait for those in hand: an image
 * paid for but not yet published is lost when the process exits under it, and its record comes again and is paid for
 * twice. A record {@linkplain #enter() enters} before its work starts and {@linkplain #exit() exits} once its outcome
 * is written and acknowledged; once {@link #drain} began, no record enters any more: it is left unacknowledged, for the
 * consumer that gets the partition next. Thread-safe.
 */
public final class InFlightWork {

    private int inFlight;
    private boolean draining;

    /** Whether the record may start; false once draining (then it must not call {@link #exit()}). */
    public synchronized boolean enter() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    public synchronized void exit() {
        inFlight--;
        if (inFlight <= 0) {
            notifyAll();
        }
    }

    /** Whether a shutdown is waiting: work that waits for something (a budget, a permit) should give up instead. */
    public synchronized boolean draining() {
        return draining;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Lets no new record in and waits, at most {@code grace}, for the ones in hand.
     *
     * @return how many were still working when the grace ran out (0: all finished)
     */
    public synchronized int drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return inFlight;
    }
}
