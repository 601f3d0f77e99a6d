package com.catalogimage.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.scanner.service.RequestSelection.Candidate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which products a scan requests now: plain JUnit. */
class RequestSelectionTest {

    @Test
    void aProductNeverSeenGoesBeforeTheBacklogAndTheNewestFirst() {
        List<Candidate> backlog = LongStream.rangeClosed(1, 5000).mapToObj(id -> new Candidate(id, true)).toList();
        List<Candidate> due = new java.util.ArrayList<>(backlog);
        due.add(new Candidate(3, false)); // cleared since: a re-request, after every first request
        due.set(10, new Candidate(11, false));

        List<Candidate> chosen = RequestSelection.select(due, 0, 3);

        assertThat(chosen).extracting(Candidate::productId).containsExactly(5000L, 4999L, 4998L);
    }

    @Test
    void reRequestsComeAfterFirstRequestsWhateverTheirIds() {
        List<Candidate> due = List.of(new Candidate(900, false), new Candidate(5, true), new Candidate(7, true));

        assertThat(RequestSelection.select(due, 0, 10)).extracting(Candidate::productId).containsExactly(7L, 5L, 900L);
    }

    @Test
    void onlyTheRoomLeftUnderTheBoundIsRequested() {
        List<Candidate> due = LongStream.rangeClosed(1, 100).mapToObj(id -> new Candidate(id, true)).toList();

        assertThat(RequestSelection.select(due, 25, 30)).hasSize(5);
        assertThat(RequestSelection.select(due, 30, 30)).isEmpty();
        assertThat(RequestSelection.select(due, 45, 30)).isEmpty();
    }

    @Test
    void theDefaultBoundIsOneScanIntervalOfTheQuotaPlusTheHeadroom() {
        // 60 images a minute, a scan every 10 s, 20 s of headroom: 30 s of quota.
        assertThat(RequestSelection.defaultBound(60, 10_000, 20_000)).isEqualTo(30);
        // Azure's default 6 a minute, a scan every 15 s: 3.5 requests, rounded up.
        assertThat(RequestSelection.defaultBound(6, 15_000, 20_000)).isEqualTo(4);
        assertThat(RequestSelection.defaultBound(1, 1, 1)).isEqualTo(1);
    }
}
