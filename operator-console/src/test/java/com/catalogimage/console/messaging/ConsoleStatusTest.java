package com.catalogimage.console.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.messaging.status.StatusMemory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ConsoleStatusTest {

    private static ProductStatus status(long id, State state) {
        return new ProductStatus(id, "r" + id, 1, state, null, null, "stage", Instant.now(), null);
    }

    private static ConsoleStatus console(int max) {
        return new ConsoleStatus(new StatusMemory(() -> Map.of(0, 0L)), max);
    }

    @Test
    void eachProductKeepsItsLatestStatusesOldestFirstUpToTheBound() {
        ConsoleStatus console = console(3);
        State[] states = {State.REQUESTED, State.GENERATED, State.STORED, State.COMPLETED};
        for (int i = 0; i < states.length; i++) {
            console.apply(status(1, states[i]), null, 0, i);
        }
        console.apply(null, null, 0, 4); // not a status: only the offset moves

        assertThat(console.timeline(1)).extracting(e -> e.status().state())
                .containsExactly(State.GENERATED, State.STORED, State.COMPLETED);
        assertThat(console.latest(1)).map(ProductStatus::state).contains(State.COMPLETED);
        assertThat(console.timeline(2)).isEmpty();
    }

    @Test
    void theTraceIdComesFromTheRecordsTraceparent() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.US_ASCII));
        RecordHeaders broken = new RecordHeaders();
        broken.add("traceparent", "garbage".getBytes(StandardCharsets.US_ASCII));

        assertThat(Traceparents.traceId(headers)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Traceparents.traceId(broken)).isNull();
        assertThat(Traceparents.traceId(new RecordHeaders())).isNull();
    }

    @Test
    void aLateListenerHearsTheHistoryOnceAndThenWhatFollows() {
        ConsoleStatus console = console(10);
        console.apply(status(1, State.REQUESTED), null, 0, 0);
        console.apply(status(2, State.REQUESTED), null, 0, 1);
        List<ProductStatus> heard = new ArrayList<>();
        console.addListenerWithHistory(entry -> heard.add(entry.status()));
        console.apply(status(1, State.GENERATED), null, 0, 2);

        assertThat(heard).extracting(ProductStatus::productId, ProductStatus::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1L, State.REQUESTED), org.assertj.core.groups.Tuple.tuple(2L, State.REQUESTED),
                org.assertj.core.groups.Tuple.tuple(1L, State.GENERATED));
        assertThat(heard.get(heard.size() - 1).state()).isEqualTo(State.GENERATED);
    }
}
