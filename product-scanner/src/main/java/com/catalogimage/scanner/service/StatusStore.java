package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The scanner's memory: the latest state of every product, rebuilt from the compacted status topic at every start.
 * A scan waits until the topic has been read up to the end offsets it had when the scanner started, so a restarted
 * scanner never re-requests what is already in flight.
 */
@ApplicationScoped
public class StatusStore {

    private static final Logger LOG = Logger.getLogger(StatusStore.class);

    private final Map<Long, ProductStatus> latest = new ConcurrentHashMap<>();
    /**
     * Request ids of replays seen per product, kept beside the latest state: a replay that has since moved on (completed,
     * dead-lettered again, re-requested) must still be recognised, or replaying its dead letter again would pay twice.
     */
    private final Map<Long, Set<String>> replays = new ConcurrentHashMap<>();
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A status read from the topic. Later states win; a record without a payload (poison) only advances the offset. */
    public void apply(ProductStatus status, int partition, long offset) {
        if (status != null) {
            record(status);
        }
        consumed.merge(partition, offset, Math::max);
    }

    /** A status this scanner just wrote, remembered before it comes back from the topic. */
    public void record(ProductStatus status) {
        if (status.requestId() != null && status.requestId().startsWith(ReplayService.REPLAY_PREFIX)) {
            replays.computeIfAbsent(status.productId(), id -> ConcurrentHashMap.newKeySet()).add(status.requestId());
        }
        latest.merge(status.productId(), status, (old, candidate) -> candidate.at().isBefore(old.at()) ? old : candidate);
    }

    /** Every product's latest state as it is now: what a scan decides from, taken before it reads the catalog. */
    public Map<Long, ProductStatus> snapshot() {
        return Map.copyOf(latest);
    }

    public Optional<ProductStatus> get(long productId) {
        return Optional.ofNullable(latest.get(productId));
    }

    /** Whether any status of this product carried this replay request id. */
    public boolean knowsReplay(long productId, String requestId) {
        return replays.getOrDefault(productId, Set.of()).contains(requestId)
                || get(productId).map(status -> requestId.equals(status.requestId())).orElse(false);
    }

    /** How many products are in each state now. */
    public Map<ProductStatus.State, Long> countsByState() {
        return latest.values().stream().collect(Collectors.groupingBy(ProductStatus::state,
                () -> new EnumMap<>(ProductStatus.State.class), Collectors.counting()));
    }

    /** Whether the status topic has been read up to where it stood when this scanner started. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> targets = endOffsetsAtStart != null ? endOffsetsAtStart : readEndOffsets();
        if (targets == null) {
            return false;
        }
        endOffsetsAtStart = targets;
        boolean done = targets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || consumed.getOrDefault(end.getKey(), -1L) >= end.getValue() - 1);
        if (done) {
            caughtUp = true;
            LOG.infof("Status topic read to its end: %d products known", latest.size());
        }
        return done;
    }

    private Map<Integer, Long> readEndOffsets() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            var description = admin.describeTopics(java.util.List.of(Topics.IMAGE_STATUS)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Topics.IMAGE_STATUS);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream().collect(Collectors.toMap(
                    info -> new TopicPartition(Topics.IMAGE_STATUS, info.partition()), info -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (Exception e) {
            LOG.debugf("Status topic end offsets not readable yet: %s", e.getMessage());
            return null;
        } 
    }
}
