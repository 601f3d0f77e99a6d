package com.catalogimage.generator.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * What the generator knows from the status topic, rebuilt at every start by reading it from the beginning: which
 * request ids already have an image (GENERATED, STORED or COMPLETED), so a redelivered or replayed request is not paid
 * for twice, and when each was generated and at what cost, for the daily budget; and, per product, the latest time it
 * had an image from any request, so a scan request made before that image is known to be superseded. Images this
 * instance generates are recorded at once, before their status comes back from the topic.
 *
 * <p>The topic is compacted: a GENERATED status is replaced by the product's STORED or COMPLETED soon after, so those
 * count as generated too, on the day they were written (minutes after the generation).
 */
@ApplicationScoped
public class StatusView {

    private static final Logger LOG = Logger.getLogger(StatusView.class);

    /** An image paid for: on which UTC day, at what list price (null when unknown). */
    record Generation(LocalDate day, BigDecimal costUsd) {
    }

    private final Map<String, Generation> generated = new ConcurrentHashMap<>();
    private final Map<LocalDate, DayTotals> days = new ConcurrentHashMap<>();
    /** Per product id: the latest instant at which it had an image-bearing status, from any request. */
    private final Map<Long, Instant> lastImage = new ConcurrentHashMap<>();
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A status read from the topic; a record without a payload (poison) only advances the offset. */
    public void apply(ProductStatus status, int partition, long offset) {
        if (status != null && hasImage(status.state())) {
            if (status.requestId() != null) {
                BigDecimal cost = status.state() == ProductStatus.State.GENERATED ? status.costUsd() : null;
                remember(status.requestId(), new Generation(day(status.at()), cost));
            }
            imageAt(status.productId(), status.at());
        }
        consumed.merge(partition, offset, Math::max);
    }

    /** An image this instance just generated, remembered before its status comes back. */
    public void recordGenerated(long productId, String requestId, BigDecimal costUsd, Instant at) {
        remember(requestId, new Generation(day(at), costUsd));
        imageAt(productId, at);
    }

    /**
     * Keeps the earliest day (and any known cost) per request id, and the per-day totals in step with it: the budget
     * asks for today's totals on every request, and counting them from all request ids each time made that quadratic
     * in the images generated (docs/benchmarks.md).
     */
    private void remember(String requestId, Generation generation) {
        generated.compute(requestId, (id, old) -> {
            Generation merged = old == null ? generation : earlier(old, generation);
            if (old != null) {
                totals(old.day()).remove(old);
            }
            totals(merged.day()).add(merged);
            return merged;
        });
    }

    private DayTotals totals(LocalDate day) {
        return days.computeIfAbsent(day, d -> new DayTotals());
    }

    /** One UTC day's images: how many, the sum of the known costs, and how many carry no cost. */
    private static final class DayTotals {
        private long images;
        private long withoutCost;
        private BigDecimal knownCost = BigDecimal.ZERO;

        synchronized void add(Generation generation) {
            images++;
            if (generation.costUsd() == null) {
                withoutCost++;
            } else {
                knownCost = knownCost.add(generation.costUsd());
            }
        }

        synchronized void remove(Generation generation) {
            images--;
            if (generation.costUsd() == null) {
                withoutCost--;
            } else {
                knownCost = knownCost.subtract(generation.costUsd());
            }
        }

        synchronized long images() {
            return images;
        }

        synchronized BigDecimal cost(BigDecimal defaultPrice) {
            return knownCost.add(defaultPrice.multiply(BigDecimal.valueOf(withoutCost)));
        }
    }

    public boolean alreadyGenerated(String requestId) {
        return generated.containsKey(requestId);
    }

    /**
     * The latest instant at which this product had an image (GENERATED, STORED or COMPLETED, from any request);
     * {@code null} when it never had one as far as the status topic and this instance know.
     */
    public Instant lastImageOf(long productId) {
        return lastImage.get(productId);
    }

    /** Images generated on this UTC day, by every instance. */
    public long imagesOn(LocalDate day) {
        DayTotals totals = days.get(day);
        return totals == null ? 0 : totals.images();
    }

    /** Their list-price cost; images whose status carries no cost are priced at {@code defaultPrice}. */
    public BigDecimal costOn(LocalDate day, BigDecimal defaultPrice) {
        DayTotals totals = days.get(day);
        return totals == null ? BigDecimal.ZERO : totals.cost(defaultPrice);
    }

    /** Whether the status topic has been read up to where it stood when this instance started. */
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
            LOG.infof("Status topic read to its end: %d request ids (%d products) already have an image",
                    generated.size(), lastImage.size());
        }
        return done;
    }

    /** Records still to read before {@link #caughtUp()}, for the readiness check; -1 while the end is unknown. */
    public long behind() {
        Map<Integer, Long> targets = endOffsetsAtStart;
        if (targets == null) {
            return -1;
        }
        return targets.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - 1 - consumed.getOrDefault(end.getKey(), -1L))).sum();
    }

    /** A status without a time says nothing about when: it is left out rather than guessed. */
    private void imageAt(long productId, Instant at) {
        if (at != null) {
            lastImage.merge(productId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDate day(Instant at) {
        return (at == null ? Instant.now() : at).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean hasImage(ProductStatus.State state) {
        return state == ProductStatus.State.GENERATED || state == ProductStatus.State.STORED
                || state == ProductStatus.State.COMPLETED;
    }

    private static Generation earlier(Generation a, Generation b) {
        Generation first = b.day().isBefore(a.day()) ? b : a;
        BigDecimal cost = a.costUsd() != null ? a.costUsd() : b.costUsd();
        return new Generation(first.day(), cost);
    }

    private Map<Integer, Long> readEndOffsets() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            var description = admin.describeTopics(List.of(Topics.IMAGE_STATUS)).allTopicNames()
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
