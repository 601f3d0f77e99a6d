package com.catalogimage.messaging.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    @Test
    void caughtUpOnceEveryPartitionIsReadToTheEndItHadAtStart() {
        AtomicReference<Map<Integer, Long>> ends = new AtomicReference<>();
        CatchUp catchUp = new CatchUp(ends::get);
        assertThat(catchUp.caughtUp()).as("end offsets not readable yet").isFalse();
        assertThat(catchUp.behind()).isEqualTo(-1);

        ends.set(Map.of(0, 3L, 1, 0L)); // partition 1 is empty
        catchUp.consumed(0, 1);
        assertThat(catchUp.behind()).isEqualTo(1);
        assertThat(catchUp.caughtUp()).isFalse();

        ends.set(Map.of(0, 10L, 1, 5L)); // records written since start do not move the target
        catchUp.consumed(0, 2);
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.behind()).isZero();
    }

    @Test
    void awaitReachedWaitsForLaterEndsThanTheStartsAndGivesUpAfterItsBound() throws Exception {
        CatchUp catchUp = new CatchUp(() -> Map.of(0, 1L));
        catchUp.consumed(0, 0);
        assertThat(catchUp.caughtUp()).isTrue();
        Map<Integer, Long> later = Map.of(0, 3L, 1, 0L);
        assertThat(catchUp.awaitReached(later, Duration.ofMillis(10))).as("two entries not read yet").isFalse();

        CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
            try {
                return catchUp.awaitReached(later, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        catchUp.consumed(0, 1);
        assertThat(reached).isNotDone();
        catchUp.consumed(0, 2);
        assertThat(reached.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
