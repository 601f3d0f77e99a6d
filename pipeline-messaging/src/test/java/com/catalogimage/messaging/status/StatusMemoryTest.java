package com.catalogimage.messaging.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatusMemoryTest {

    static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicReference<Map<Integer, Long>> end = new AtomicReference<>();
    private final StatusMemory memory = new StatusMemory(end::get);

    private static ProductStatus status(long product, String requestId, State state, Instant at) {
        return new ProductStatus(product, requestId, 1, state, null, null, "test", at, null);
    }

    @Test
    void theLatestStatusIsTheOneAtTheHighestOffsetWhateverClockItsWriterHad() {
        // The updater's host runs a minute behind the uploader's: its COMPLETED carries an earlier time.
        memory.apply(status(1, "r1", State.STORED, NOON), 3, 10);
        memory.apply(status(1, "r1", State.COMPLETED, NOON.minusSeconds(60)), 3, 11);

        assertThat(memory.latest(1)).get().extracting(ProductStatus::state).isEqualTo(State.COMPLETED);
    }

    @Test
    void aGeneratedThatLandsAfterTheUploaderMovedTheSameRequestOnDoesNotMoveItBack() {
        memory.apply(new ProductStatus(4, "r4", 1, State.AWAITING_REVIEW, null, "review/4.png", "blob-uploader", NOON,
                null), 1, 30);
        memory.apply(new ProductStatus(4, "r4", 1, State.GENERATED, null, null, "image-generator", NOON, null), 1, 31);
        assertThat(memory.latest(4)).get().extracting(ProductStatus::state).isEqualTo(State.AWAITING_REVIEW);

        // another request's GENERATED (a regeneration after a reviewer's decision) moves it on as usual
        memory.apply(new ProductStatus(4, "r5", 1, State.GENERATED, null, null, "image-generator", NOON, null), 1, 32);
        assertThat(memory.latest(4)).get().extracting(ProductStatus::requestId).isEqualTo("r5");
    }

    @Test
    void aRecordReadAgainFromAnEarlierOffsetDoesNotOverwriteALaterOne() {
        memory.apply(status(2, "r2", State.COMPLETED, NOON), 0, 20);
        memory.apply(status(2, "r2", State.REQUESTED, NOON.plusSeconds(5)), 0, 7);

        assertThat(memory.latest(2)).get().extracting(ProductStatus::state).isEqualTo(State.COMPLETED);
    }

    @Test
    void aStatusWrittenHereCountsUntilTheTopicGivesItBackThenTheTopicDecides() {
        memory.apply(status(3, "r3", State.COMPLETED, NOON), 1, 5);
        ProductStatus requested = status(3, "r4", State.REQUESTED, NOON.plusSeconds(60));
        memory.written(requested);
        assertThat(memory.latest(3)).contains(requested);

        memory.apply(requested, 1, 6);
        memory.apply(status(3, "r4", State.GENERATED, NOON.plusSeconds(70)), 1, 7);
        assertThat(memory.latest(3)).get().extracting(ProductStatus::state).isEqualTo(State.GENERATED);
    }

    @Test
    void aStatusWrittenHereThatTheTopicAlreadyHoldsIsNotHeldAgain() {
        ProductStatus requested = status(4, "r5", State.REQUESTED, NOON);
        memory.apply(requested, 2, 1);
        memory.written(requested);
        memory.apply(status(4, "r5", State.GENERATED, NOON), 2, 2);

        assertThat(memory.latest(4)).get().extracting(ProductStatus::state).isEqualTo(State.GENERATED);
    }

    @Test
    void recordsThatAreNoStatusOnlyAdvanceTheOffsets() {
        end.set(Map.of(0, 3L));
        memory.apply(null, 0, 0);
        memory.apply(new ProductStatus(5, "r", 1, null, null, null, "test", null, null), 0, 1);
        assertThat(memory.caughtUp()).isFalse();
        memory.apply(status(6, "r6", State.REQUESTED, null), 0, 2);

        assertThat(memory.caughtUp()).isTrue();
        assertThat(memory.snapshot()).containsOnlyKeys(6L);
    }

    @Test
    void caughtUpOnceEveryPartitionIsReadToTheEndItHadWhenFirstAsked() {
        assertThat(memory.caughtUp()).isFalse(); // the end is not known yet
        assertThat(memory.behind()).isEqualTo(-1);

        end.set(Map.of(0, 2L, 1, 0L, 2, 1L));
        memory.apply(status(7, "a", State.REQUESTED, NOON), 0, 0);
        assertThat(memory.behind()).isEqualTo(2);
        memory.apply(status(8, "b", State.REQUESTED, NOON), 2, 0);
        end.set(Map.of(0, 100L)); // the topic grows: the target stays where it was
        assertThat(memory.caughtUp()).isFalse();
        memory.apply(status(7, "a", State.GENERATED, NOON), 0, 1);

        assertThat(memory.caughtUp()).isTrue();
        assertThat(memory.behind()).isZero();
    }

    @Test
    void listenersHearEveryStatusInOrderNotOnlyTheLatest() {
        List<String> heard = new ArrayList<>();
        memory.addListener((status, partition, offset) -> heard.add(status.state() + "@" + offset));
        memory.apply(status(9, "r9", State.GENERATED, NOON), 0, 1);
        memory.apply(status(9, "r9", State.DEAD_LETTERED, NOON), 0, 2);

        assertThat(heard).containsExactly("GENERATED@1", "DEAD_LETTERED@2");
        assertThat(memory.countsByState()).containsEntry(State.DEAD_LETTERED, 1L).doesNotContainKey(State.GENERATED);
    }
}
