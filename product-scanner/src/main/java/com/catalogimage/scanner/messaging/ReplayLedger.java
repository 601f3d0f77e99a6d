package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request ids the scanner derives from what a caller names, seen per product on every status of the topic: replays (the
 * dead letter's id) and on-demand generations (the client's {@code Idempotency-Key}). A request that has since moved on
 * (completed, dead-lettered again, re-requested) must still be recognised, or asking again with the same dead letter or
 * key would pay twice. The latest status alone would forget it.
 */
@ApplicationScoped
public class ReplayLedger implements StatusMemory.Listener {

    /** The request id of an on-demand generation: {@code manual-} and 32 hex digits of the product and the key. */
    public static final String MANUAL_PREFIX = "manual-";

    /** Request id → attempt, per product. */
    private final Map<Long, Map<String, Integer>> keyed = new ConcurrentHashMap<>();

    /**
     * The request id an on-demand generation of this product with this idempotency key gets: the same for the same
     * pair on every scanner and after every restart, so a retried call is recognised, and different per product, so one
     * key reused for two products makes two requests.
     */
    public static String manualRequestId(long productId, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((productId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return MANUAL_PREFIX + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void onStatus(ProductStatus status, int partition, long offset) {
        note(status);
    }

    /** A status of the topic, or one this scanner just wrote. */
    public void note(ProductStatus status) {
        String id = status.requestId();
        if (id != null && (id.startsWith(DeadLetter.REPLAY_PREFIX) || id.startsWith(MANUAL_PREFIX))) {
            keyed.computeIfAbsent(status.productId(), product -> new ConcurrentHashMap<>()).putIfAbsent(id, status.attempt());
        }
    }

    public boolean knows(long productId, String requestId) {
        return keyed.getOrDefault(productId, Map.of()).containsKey(requestId);
    }

    /** The attempt the product's request with this id was, if a status of it was seen. */
    public Optional<Integer> attempt(long productId, String requestId) {
        return Optional.ofNullable(keyed.getOrDefault(productId, Map.of()).get(requestId));
    }
}
