package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.scanner.messaging.ReplayLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * What the scanner decides from: the shared {@link StatusMemory} of every product's latest status, plus the replays
 * it has seen. A scan waits until the topic has been read up to the end offsets it had when the scanner started, so a
 * restarted scanner never re-requests what is already in flight.
 */
@ApplicationScoped
public class StatusStore {

    private final StatusMemory memory;
    private final ReplayLedger replays;

    public StatusStore(StatusMemory memory, ReplayLedger replays) {
        this.memory = memory;
        this.replays = replays;
    }

    /** A status this scanner just wrote, remembered before it comes back from the topic. */
    public void record(ProductStatus status) {
        memory.written(status);
        replays.note(status);
    }

    /** A status {@link #record recorded} whose transaction was aborted: it never reached the topic. */
    public void retract(ProductStatus status) {
        memory.retract(status);
    }

    /** Every product's latest state as it is now: what a scan decides from, taken before it reads the catalog. */
    public Map<Long, ProductStatus> snapshot() {
        return memory.snapshot();
    }

    public Optional<ProductStatus> get(long productId) {
        return memory.latest(productId);
    }

    /** Whether any status of this product carried this replay request id. */
    public boolean knowsReplay(long productId, String requestId) {
        return replays.knows(productId, requestId)
                || get(productId).map(status -> requestId.equals(status.requestId())).orElse(false);
    }

    /**
     * The attempt of the product's request with this id, when any status of it was seen (the ledger of keyed request
     * ids, or the product's latest status): how a repeated on-demand generation is recognised.
     */
    public Optional<Integer> knownAttempt(long productId, String requestId) {
        Optional<Integer> seen = replays.attempt(productId, requestId);
        return seen.isPresent() ? seen : get(productId).filter(status -> requestId.equals(status.requestId()))
                .map(ProductStatus::attempt);
    }

    /** How many products are in each state now. */
    public Map<ProductStatus.State, Long> countsByState() {
        return memory.countsByState();
    }

    /** Whether the status topic has been read up to where it stood when this scanner started. */
    public boolean caughtUp() {
        return memory.caughtUp();
    }
}
