package com.catalogimage.runner;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.messaging.status.StatusFollower;
import com.catalogimage.messaging.status.StatusMemory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The run's view of the status topic: the shared {@link StatusMemory} of every product's latest state (fed by a
 * {@link StatusFollower}, the runner being plain Java), and what happened since the run started. The pipeline does not
 * depend on it.
 */
public final class StatusBoard implements AutoCloseable {

    private final Instant since;
    private final Map<State, Integer> eventsSince = new ConcurrentHashMap<>();
    private final AtomicReference<BigDecimal> costSince = new AtomicReference<>(BigDecimal.ZERO);
    private final List<ProductStatus> history = Collections.synchronizedList(new ArrayList<>());
    private final StatusFollower follower;

    /**
     * @param kafka the client configuration: bootstrap servers and security settings
     *              ({@link com.catalogimage.contracts.KafkaClientEnvironment#clientConfig(Map)})
     */
    public StatusBoard(Map<String, Object> kafka, Instant since) {
        this.since = since;
        Map<String, Object> config = new java.util.HashMap<>(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-runner-status");
        this.follower = new StatusFollower(config);
        follower.memory().addListener((status, partition, offset) -> event(status));
        follower.start();
    }

    /** Events are placed in the run by the time their writer gave them: the run started by this host's clock too. */
    private void event(ProductStatus status) {
        if (status.at() != null && !status.at().isBefore(since)) {
            history.add(status);
            eventsSince.merge(status.state(), 1, Integer::sum);
            if (status.costUsd() != null) {
                costSince.accumulateAndGet(status.costUsd(), BigDecimal::add);
            }
        }
    }

    /** The latest state of every product the pipeline has touched, ever. */
    public Map<Long, ProductStatus> latest() {
        return follower.memory().snapshot();
    }

    /** How many times each state was reached since the run started. */
    public Map<State, Integer> eventsSince() {
        Map<State, Integer> copy = new EnumMap<>(State.class);
        copy.putAll(eventsSince);
        return copy;
    }

    /** Every status event since the run started, in the order read (per partition, in order). */
    public List<ProductStatus> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** What the images generated since the run started cost at list price. */
    public BigDecimal costSince() {
        return costSince.get();
    }

    /**
     * Products requested and not yet in a final state, those waiting for a reviewer left out: they may wait for days
     * and move only when a person decides ({@link #awaitingReview()}).
     */
    public long inFlight() {
        return latest().values().stream()
                .filter(status -> !status.state().isFinal() && status.state() != State.AWAITING_REVIEW).count();
    }

    /** Products whose image waits for a reviewer (REVIEW_MODE=manual). */
    public long awaitingReview() {
        return latest().values().stream().filter(status -> status.state() == State.AWAITING_REVIEW).count();
    }

    @Override
    public void close() {
        follower.close();
    }
}
