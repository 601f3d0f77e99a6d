package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request ids of replays seen per product, from every status of the topic: a replay that has since moved on
 * (completed, dead-lettered again, re-requested) must still be recognised, or replaying its dead letter again would
 * pay twice. The latest status alone would forget it.
 */
@ApplicationScoped
public class ReplayLedger implements StatusMemory.Listener {

    private final Map<Long, Set<String>> replays = new ConcurrentHashMap<>();

    @Override
    public void onStatus(ProductStatus status, int partition, long offset) {
        note(status);
    }

    /** A status of the topic, or one this scanner just wrote. */
    public void note(ProductStatus status) {
        if (status.requestId() != null && status.requestId().startsWith(DeadLetter.REPLAY_PREFIX)) {
            replays.computeIfAbsent(status.productId(), id -> ConcurrentHashMap.newKeySet()).add(status.requestId());
        }
    }

    public boolean knows(long productId, String requestId) {
        return replays.getOrDefault(productId, Set.of()).contains(requestId);
    }
}
