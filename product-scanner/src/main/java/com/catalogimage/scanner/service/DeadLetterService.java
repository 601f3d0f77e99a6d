package com.catalogimage.scanner.service;

import com.catalogimage.scanner.messaging.DeadLetter;
import com.catalogimage.scanner.messaging.DeadLetterReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The dead letters as an operator sees them: read from the topic now, newest first, each marked when replayed. */
@ApplicationScoped
public class DeadLetterService {

    private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator.comparing(DeadLetter::timestamp).reversed()
            .thenComparing(DeadLetter::id);

    private final DeadLetterReader reader;
    private final StatusStore statuses;

    public DeadLetterService(DeadLetterReader reader, StatusStore statuses) {
        this.reader = reader;
        this.statuses = statuses;
    }

    /** The dead letters matching the filter, newest first. */
    public List<DeadLetter> find(DeadLetterFilter filter) {
        requireStatuses();
        return reader.readAll().stream().filter(filter::matches).map(this::withReplayState).sorted(NEWEST_FIRST).toList();
    }

    /** The dead letters with these ids ({@code <partition>-<offset>}), newest first; unknown ids are left out. */
    public List<DeadLetter> find(Collection<String> ids) {
        requireStatuses();
        return reader.read(DeadLetterReader.offsetsOf(ids)).stream().map(this::withReplayState).sorted(NEWEST_FIRST).toList();
    }

    private DeadLetter withReplayState(DeadLetter letter) {
        return letter.asReplayed(letter.productId() != null && statuses.knowsReplay(letter.productId(), letter.replayId()));
    }

    /** Until the status topic is read, a replay could not tell whether it happened already. */
    private void requireStatuses() {
        if (!statuses.caughtUp()) {
            throw new ScanService.NotReadyException("the status topic is still being read; replays could not be recognised yet");
        }
    }
}
