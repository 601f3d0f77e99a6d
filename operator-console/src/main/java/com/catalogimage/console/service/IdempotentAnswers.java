package com.catalogimage.console.service;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers by idempotency key: the first call with a key does the work, every later call with it (also one arriving
 * while the first is still working) gets the same answer, for {@code window} and among the {@code max} newest keys.
 * A call that fails is not remembered, so the client's retry with the same key tries again (the scanner's request id and
 * the preview's blob name are derived from the key too, so a retry that finds the work done still answers it).
 */
public final class IdempotentAnswers<T> {

    private record Entry<T>(CompletableFuture<T> answer, long at) {
    }

    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private final long windowNanos;
    private final int max;
    private final LongSupplier clock;

    public IdempotentAnswers(Duration window, int max, LongSupplier clock) {
        this.windowNanos = window.toNanos();
        this.max = max;
        this.clock = clock;
    }

    /** Whether an answer for this key is held (done or in progress). */
    public synchronized boolean holds(String key) {
        forgetOld();
        return entries.containsKey(key);
    }

    /**
     * The key's answer: the one given before, else {@code work}'s (run on this thread).
     *
     * @throws RuntimeException what {@code work} threw (for every caller waiting on that attempt)
     */
    public T answer(String key, Supplier<T> work) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> earlier;
        synchronized (this) {
            forgetOld();
            Entry<T> entry = entries.get(key);
            earlier = entry == null ? null : entry.answer();
            if (earlier == null) {
                entries.put(key, new Entry<>(mine, clock.getAsLong()));
            }
        }
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            T value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            synchronized (this) {
                Entry<T> held = entries.get(key);
                if (held != null && held.answer() == mine) {
                    entries.remove(key);
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void forgetOld() {
        long now = clock.getAsLong();
        Iterator<Entry<T>> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry<T> entry = oldestFirst.next();
            if (entries.size() > max || now - entry.at() > windowNanos) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }
}
