package com.catalogimage.messaging.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightWorkTest {

    @Test
    void drainWaitsForTheWorkInHandAndLetsNoNewWorkIn() throws Exception {
        InFlightWork work = new InFlightWork();
        assertThat(work.enter()).isTrue();
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return work.drain(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!work.draining()) {
            Thread.onSpinWait();
        }
        assertThat(work.enter()).as("a record arriving during the drain").isFalse();
        assertThat(drained).isNotDone();
        work.exit();
        assertThat(drained.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void drainGivesUpAfterTheGraceAndSaysHowManyWereLeft() throws Exception {
        InFlightWork work = new InFlightWork();
        work.enter();
        work.enter();
        work.exit();
        assertThat(work.drain(Duration.ofMillis(10))).isEqualTo(1);
    }

    @Test
    void withNothingInHandDrainReturnsAtOnce() throws Exception {
        assertThat(new InFlightWork().drain(Duration.ofDays(1))).isZero();
    }
}
