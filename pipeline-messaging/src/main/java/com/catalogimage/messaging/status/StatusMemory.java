package com.catalogimage.messaging.status;

import com.catalogimage.contracts.ProductStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The pipeline's memory (docs/decisions/0007): the latest status of every product, read from the compacted
 * {@code image-status} topic to its end, then followed. Every reader of the topic (the scanner, the generator, the
 * runner's progress and report, the console) keeps one of these; it knows nothing of how records reach it.
 *
 * <p>The latest status is the one at the highest offset of the product's partition: every status of a product is keyed
 * by its id and so shares its partition, and the broker's order is the one order every host agrees on, where the
 * {@code at} field is each writer's own clock. A status this instance has just written is remembered at once
 * ({@link #written}) and stands until the topic gives the product's next record, so a decision taken in between does
 * not miss it.
 *
 * <p>Statuses that are no status (a poison record, a record without a product state) only advance the offsets.
 * Thread-safe: records are applied on the consumer's thread while readers ask from others.
 */
public final class StatusMemory {

    private static final Logger LOG = Logger.getLogger(StatusMemory.class);

    /** Told of every readable status the topic gives, in partition order, before it becomes the latest. */
    @FunctionalInterface
    public interface Listener {
        void onStatus(ProductStatus status, int partition, long offset);
    }

    private record Entry(ProductStatus status, int partition, long offset) {
    }

    private final CatchUp catchUp;
    private final Map<Long, Entry> fromTopic = new ConcurrentHashMap<>();
    private final Map<Long, ProductStatus> writtenHere = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean caughtUp;

    /**
     * @param endOffsets the topic's end offsets per partition, read through the same client configuration as the
     *                   records (security settings included); {@code null} while they cannot be read yet
     */
    public StatusMemory(Supplier<Map<Integer, Long>> endOffsets) {
        this.catchUp = new CatchUp(endOffsets);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** A poll's worth of records from the topic. */
    public void apply(Iterable<ConsumerRecord<String, ProductStatus>> records) {
        for (ConsumerRecord<String, ProductStatus> record : records) {
            apply(record.value(), record.partition(), record.offset());
        }
    }

    /** One record from the topic; {@code status} is null for a record that is not a status. */
    public void apply(ProductStatus status, int partition, long offset) {
        if (readable(status)) {
            listeners.forEach(listener -> listener.onStatus(status, partition, offset));
            fromTopic.merge(status.productId(), new Entry(status, partition, offset),
                    (old, candidate) -> (candidate.partition() != old.partition() || candidate.offset() > old.offset())
                            && !overtaken(candidate.status(), old.status()) ? candidate : old);
            writtenHere.remove(status.productId());
        }
        catchUp.consumed(partition, offset);
    }

    /**
     * A status this instance is writing: it counts as the latest until the topic gives the product's next record (its
     * echo, as a rule). Call it before the send, so the echo cannot come first; after a send, the echo already read is
     * recognised.
     */
    public void written(ProductStatus status) {
        Entry echoed = fromTopic.get(status.productId());
        if (echoed == null || !sameEvent(status, echoed.status())) {
            writtenHere.put(status.productId(), status);
        }
    }

    /**
     * A status {@link #written} that will never reach the topic (its transaction was aborted): the product is what the
     * topic says again.
     */
    public void retract(ProductStatus status) {
        writtenHere.remove(status.productId(), status);
    }

    public Optional<ProductStatus> latest(long productId) {
        ProductStatus mine = writtenHere.get(productId);
        if (mine != null) {
            return Optional.of(mine);
        }
        return Optional.ofNullable(fromTopic.get(productId)).map(Entry::status);
    }

    /** Every product's latest status as it is now. */
    public Map<Long, ProductStatus> snapshot() {
        Map<Long, ProductStatus> all = fromTopic.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().status()));
        all.putAll(writtenHere);
        return Map.copyOf(all);
    }

    /** How many products are in each state now. */
    public Map<ProductStatus.State, Long> countsByState() {
        return snapshot().values().stream().collect(Collectors.groupingBy(ProductStatus::state,
                () -> new EnumMap<>(ProductStatus.State.class), Collectors.counting()));
    }

    public int size() {
        return snapshot().size();
    }

    /** Whether the topic has been read up to where it stood when this memory first asked for its end. */
    public boolean caughtUp() {
        if (!caughtUp && catchUp.caughtUp()) {
            caughtUp = true;
            LOG.infof("Status topic read to its end: %d products known", size());
        }
        return caughtUp;
    }

    /** Records still to read before {@link #caughtUp()}; -1 while the end is unknown. */
    public long behind() {
        return catchUp.behind();
    }

    /**
     * Whether a record from the topic is a status this memory can place: a record of the right shape with no state (an
     * older or broken writer) is left out rather than guessed at.
     */
    private static boolean readable(ProductStatus status) {
        return status != null && status.state() != null;
    }

    /**
     * A GENERATED that lands after a later stage already moved the same request on. The generator sends the image,
     * then GENERATED (so that a status never claims an image nobody can get); the uploader may store the image and
     * write its AWAITING_REVIEW or STORED in between. With the review gate nothing comes after AWAITING_REVIEW, so the
     * late GENERATED would make a product that waits for a reviewer read as in flight (and, later, as stuck).
     */
    private static boolean overtaken(ProductStatus candidate, ProductStatus current) {
        return candidate.state() == ProductStatus.State.GENERATED && current.requestId() != null
                && current.requestId().equals(candidate.requestId())
                && current.state() != ProductStatus.State.REQUESTED && current.state() != ProductStatus.State.GENERATED
                && current.stage() != null && !current.stage().equals(candidate.stage());
    }

    private static boolean sameEvent(ProductStatus a, ProductStatus b) {
        return a.state() == b.state() && java.util.Objects.equals(a.requestId(), b.requestId())
                && java.util.Objects.equals(a.stage(), b.stage()) && java.util.Objects.equals(a.at(), b.at());
    }
}
