package com.catalogimage.console.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Completions per minute over a recent window, from the COMPLETED statuses' times. Old statuses read at start-up fall
 * outside the window and do not count. Thread-safe.
 */
public final class CompletionRate {

    private final Duration window;
    private final Deque<Instant> completions = new ArrayDeque<>();

    public CompletionRate(Duration window) {
        this.window = window;
    }

    public synchronized void completed(Instant at, Instant now) {
        if (at != null && !at.isBefore(now.minus(window)) && !at.isAfter(now.plus(window))) {
            completions.addLast(at);
        }
        trim(now);
    }

    /** Completions per minute over the window ending now. */
    public synchronized double perMinute(Instant now) {
        trim(now);
        return completions.size() / (window.toMillis() / 60_000.0);
    }

    private void trim(Instant now) {
        Instant oldest = now.minus(window);
        completions.removeIf(at -> at.isBefore(oldest));
    }
}
