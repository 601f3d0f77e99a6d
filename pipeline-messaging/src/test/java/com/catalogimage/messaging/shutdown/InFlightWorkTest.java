package com.catalogimage.messaging.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightWorkTest {

    @Test
    void drainWaitsForTheWorkInHandAndLetsNoNewWorkIn() throws Exception {
        InFlightWork<String> work = new InFlightWork<>();
        assertThat(work.enter("p0")).isTrue();
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
        assertThat(work.enter("p1")).as("a record arriving during the drain").isFalse();
        assertThat(drained).isNotDone();
        work.exit("p0");
        assertThat(drained.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void drainGivesUpAfterTheGraceAndSaysHowManyWereLeft() throws Exception {
        InFlightWork<String> work = new InFlightWork<>();
        work.enter("p0");
        work.enter("p0");
        work.exit("p0");
        assertThat(work.drain(Duration.ofMillis(10))).isEqualTo(1);
    }

    @Test
    void withNothingInHandDrainReturnsAtOnce() throws Exception {
        assertThat(new InFlightWork<String>().drain(Duration.ofDays(1))).isZero();
    }

    @Test
    void releaseWaitsOnlyForTheRecordsOfTheReleasedPartitions() throws Exception {
        InFlightWork<String> work = new InFlightWork<>();
        work.enter("kept");
        work.enter("moved");
        assertThat(work.inFlight(List.of("moved"))).isEqualTo(1);
        CompletableFuture<Integer> released = CompletableFuture.supplyAsync(() -> {
            try {
                return work.release(List.of("moved"), Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (work.mayStart("moved")) {
            Thread.onSpinWait();
        }
        assertThat(work.enter("moved")).as("a record of a released partition").isFalse();
        assertThat(work.enter("kept")).as("a record of a partition still ours").isTrue();
        assertThat(released).isNotDone();
        work.exit("moved");
        assertThat(released.get(30, TimeUnit.SECONDS)).as("the kept partition's records are not waited for").isZero();
        assertThat(work.inFlight()).isEqualTo(2);
    }

    @Test
    void aReleasedPartitionAssignedAgainTakesRecordsAgain() throws Exception {
        InFlightWork<String> work = new InFlightWork<>();
        work.enter("p0");
        assertThat(work.release(List.of("p0"), Duration.ofMillis(10))).as("left after the grace").isEqualTo(1);
        assertThat(work.mayStart("p0")).as("the record in hand, once its partition is gone").isFalse();
        work.assigned(List.of("p0"));
        assertThat(work.enter("p0")).isTrue();
        assertThat(work.mayStart("p0")).isTrue();
    }

    @Test
    void duringAShutdownReleaseDoesNotWaitAgain() throws Exception {
        InFlightWork<String> work = new InFlightWork<>();
        work.enter("p0");
        assertThat(work.drain(Duration.ZERO)).isEqualTo(1);
        assertThat(work.release(List.of("p0"), Duration.ofDays(1))).isEqualTo(1);
    }
}
