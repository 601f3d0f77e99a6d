package com.catalogimage.console.messaging;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the console knows of every product from the status topic: the shared {@link StatusMemory} (each product's
 * latest status, and whether the topic has been read to its end) plus each product's recent statuses for its timeline,
 * bounded per product (oldest first out). The topic is compacted, so after a restart a product's timeline is what
 * compaction has left of it (its latest status at least); while the console runs it sees every status.
 *
 * <p>Thread-safe: records are applied on the status channel's thread while pages read from others. Listeners are told
 * of every readable status after it is applied, on that thread: they must be quick (hand work to another thread).
 * A listener added late (beans are made when first used, the channel may have started before) can ask for what the
 * timelines hold so far, so that nothing it counts is lost to when it was made.
 */
public final class ConsoleStatus {

    private final StatusMemory memory;
    private final int maxPerProduct;
    private final Map<Long, Deque<TimelineEntry>> timelines = new ConcurrentHashMap<>();
    private final List<Consumer<TimelineEntry>> listeners = new CopyOnWriteArrayList<>();
    /** Held while a record is applied and while a listener catches up on the history. */
    private final Object applying = new Object();

    /**
     * @param memory        the latest statuses (its end offsets come from the status channel)
     * @param maxPerProduct statuses kept per product for its timeline
     */
    public ConsoleStatus(StatusMemory memory, int maxPerProduct) {
        if (maxPerProduct < 1) {
            throw new IllegalArgumentException("console.timeline.max-per-product must be at least 1");
        }
        this.memory = memory;
        this.maxPerProduct = maxPerProduct;
    }

    /** Told of every readable status from now on, once it is applied (on the consumer's thread). */
    public void addListener(Consumer<TimelineEntry> listener) {
        listeners.add(listener);
    }

    /**
     * Told first of every status the timelines hold (each product's in topic order), then of every later one: none
     * twice, none missed (records are not applied meanwhile).
     */
    public void addListenerWithHistory(Consumer<TimelineEntry> listener) {
        synchronized (applying) {
            timelines.keySet().forEach(productId -> timeline(productId).forEach(listener));
            listeners.add(listener);
        }
    }

    /** A poll's worth of records from the status topic, headers included (the trace id). */
    public void apply(Iterable<ConsumerRecord<String, ProductStatus>> records) {
        for (ConsumerRecord<String, ProductStatus> record : records) {
            apply(record.value(), Traceparents.traceId(record.headers()), record.partition(), record.offset());
        }
    }

    /** One record; {@code status} is null for a record that is not a status (it only advances the offsets). */
    public void apply(ProductStatus status, String traceId, int partition, long offset) {
        synchronized (applying) {
            applyOne(status, traceId, partition, offset);
        }
    }

    private void applyOne(ProductStatus status, String traceId, int partition, long offset) {
        memory.apply(status, partition, offset);
        if (status == null || status.state() == null) {
            return;
        }
        TimelineEntry entry = new TimelineEntry(status, traceId, partition, offset);
        Deque<TimelineEntry> timeline = timelines.computeIfAbsent(status.productId(), id -> new ArrayDeque<>());
        synchronized (timeline) {
            timeline.addLast(entry);
            while (timeline.size() > maxPerProduct) {
                timeline.removeFirst();
            }
        }
        listeners.forEach(listener -> listener.accept(entry));
    }

    /** The product's statuses the console has, oldest first. */
    public List<TimelineEntry> timeline(long productId) {
        Deque<TimelineEntry> timeline = timelines.get(productId);
        if (timeline == null) {
            return List.of();
        }
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    public Optional<ProductStatus> latest(long productId) {
        return memory.latest(productId);
    }

    /** Every product's latest status now (a copy: for occasional indexing, not per request). */
    public Map<Long, ProductStatus> snapshot() {
        return memory.snapshot();
    }

    public Map<ProductStatus.State, Long> countsByState() {
        return memory.countsByState();
    }

    /** Whether the topic has been read up to where it stood when the console started. */
    public boolean caughtUp() {
        return memory.caughtUp();
    }

    /** Records still to read before {@link #caughtUp()}; -1 while the end is unknown. */
    public long behind() {
        return memory.behind();
    }
}
