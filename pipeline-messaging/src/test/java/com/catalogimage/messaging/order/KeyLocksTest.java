package com.catalogimage.messaging.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyLocksTest {

    @Test
    void workOnOneKeyNeverOverlapsItself() throws Exception {
        KeyLocks locks = new KeyLocks();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?>[] tasks = new Future<?>[8];
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 200; round++) {
                        try (KeyLocks.Held held = locks.lock(42L)) {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void anotherKeyIsNotHeldUpByAKeyInUse() throws Exception {
        KeyLocks locks = new KeyLocks(2);
        AtomicBoolean otherRan = new AtomicBoolean();
        try (KeyLocks.Held held = locks.lock(0L)) {
            Thread other = new Thread(() -> {
                try (KeyLocks.Held mine = locks.lock(1L)) { // the other stripe of two
                    otherRan.set(true);
                }
            });
            other.start();
            other.join(10_000);
        }
        assertThat(otherRan).isTrue();
    }

    @Test
    void theSameThreadMayTakeItsKeyAgain() {
        KeyLocks locks = new KeyLocks();
        try (KeyLocks.Held outer = locks.lock(7L); KeyLocks.Held inner = locks.lock(7L)) {
            assertThat(inner).isNotNull();
        }
    }
}
