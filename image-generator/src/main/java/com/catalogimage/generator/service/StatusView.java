package com.catalogimage.generator.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the generator knows from the status topic, rebuilt at every start by reading it from the beginning: which
 * request ids already have an image (GENERATED, STORED or COMPLETED), so a redelivered or replayed request is not paid
 * for twice, and when each was generated and at what cost, for the daily budget; and, per product, the latest time it
 * had an image from any request, so a scan request made before that image is known to be superseded. Images this
 * instance generates are recorded at once, before their status comes back from the topic.
 *
 * <p>It learns every status from the generator's {@link StatusMemory}, which decides when the topic has been read.
 *
 * <p>The topic is compacted: a GENERATED status is replaced by the product's STORED or COMPLETED soon after, so those
 * count as generated too, on the day they were written (minutes after the generation).
 */
@ApplicationScoped
public class StatusView implements StatusMemory.Listener {

    /** An image paid for: on which UTC day, at what list price (null when unknown). */
    record Generation(LocalDate day, BigDecimal costUsd) {
    }

    private final Map<String, Generation> generated = new ConcurrentHashMap<>();
    private final Map<LocalDate, DayTotals> days = new ConcurrentHashMap<>();
    /** Per product id: the latest instant at which it had an image-bearing status, from any request. */
    private final Map<Long, Instant> lastImage = new ConcurrentHashMap<>();

    /** A status read from the topic. */
    @Override
    public void onStatus(ProductStatus status, int partition, long offset) {
        if (hasImage(status.state())) {
            if (status.requestId() != null) {
                BigDecimal cost = status.state() == ProductStatus.State.GENERATED ? status.costUsd() : null;
                remember(status.requestId(), new Generation(day(status.at()), cost));
            }
            imageAt(status.productId(), status.at());
        }
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
}
