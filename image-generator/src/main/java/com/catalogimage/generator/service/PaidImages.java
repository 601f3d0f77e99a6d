package com.catalogimage.generator.service;

import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.messaging.status.StatusMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the generator has paid for, rebuilt at every start: per request id, whether an image was paid for and whether
 * it got out (a later delivery is then a duplicate; paid but not out, it is generated again, which only a crash
 * between the call and the publication causes); per UTC day, the images and their list-price cost for the daily
 * budget; per product, the latest time it had an image from any request, so a scan request made before that image is
 * known to be superseded (docs/decisions/0011).
 *
 * <p>The ledger ({@code paid-generations}, docs/decisions/0014) is the record: one entry per request id, which
 * compaction never removes. The status topic is read too: it names images paid for before the ledger existed, and
 * images another writer's ledger entry has not reached yet; a request id the ledger knows is counted from the ledger
 * alone, so nothing is counted twice. Images this instance pays for are recorded at once, before either topic gives
 * them back.
 */
@ApplicationScoped
public class PaidImages implements StatusMemory.Listener {

    /** What is counted for one request id: on which UTC day, how many images, at what cost (null when unknown). */
    record Counted(LocalDate day, int images, BigDecimal costUsd, boolean fromLedger) {
    }

    private final Map<String, Counted> counted = new ConcurrentHashMap<>();
    private final Map<String, PaidGeneration> ledger = new ConcurrentHashMap<>();
    /** Request ids with an image-bearing status (GENERATED, STORED, COMPLETED): their image got out. */
    private final Map<String, Boolean> outByStatus = new ConcurrentHashMap<>();
    private final Map<LocalDate, DayTotals> days = new ConcurrentHashMap<>();
    /** Per product id: the latest instant at which it had an image, from any request. */
    private final Map<Long, Instant> lastImage = new ConcurrentHashMap<>();

    /** A ledger entry read from the topic or written here; a later entry of a request id replaces its earlier one. */
    public void onPaid(PaidGeneration paid) {
        if (paid == null || paid.requestId() == null || paid.at() == null) {
            return; // not a ledger entry: leave it out rather than guess
        }
        ledger.merge(paid.requestId(), paid, PaidImages::later);
        PaidGeneration kept = ledger.get(paid.requestId());
        remember(paid.requestId(), new Counted(kept.day() != null ? kept.day() : day(kept.at()), kept.images(),
                kept.costUsd(), true));
        if (kept.published()) {
            imageAt(kept.productId(), kept.at());
        }
    }

    /** A status read from the topic. */
    @Override
    public void onStatus(ProductStatus status, int partition, long offset) {
        if (hasImage(status.state())) {
            if (status.requestId() != null) {
                outByStatus.put(status.requestId(), Boolean.TRUE);
                BigDecimal cost = status.state() == ProductStatus.State.GENERATED ? status.costUsd() : null;
                remember(status.requestId(), new Counted(day(status.at()), 1, cost, false));
            }
            imageAt(status.productId(), status.at());
        }
    }

    /** The ledger entry of a request id, if it was paid for. */
    public Optional<PaidGeneration> paid(String requestId) {
        return Optional.ofNullable(ledger.get(requestId));
    }

    /** Whether the request's image was paid for and got out: the ledger says so, or a status of it carries the image. */
    public boolean published(String requestId) {
        PaidGeneration paid = ledger.get(requestId);
        return (paid != null && paid.published()) || outByStatus.containsKey(requestId);
    }

    /**
     * Keeps the per-day totals in step with the per-request-id counts: the budget asks for today's totals on every
     * request, and counting them from all request ids each time made that quadratic in the images generated
     * (docs/benchmarks.md). The ledger's count replaces what statuses suggested; statuses never override the ledger.
     */
    private void remember(String requestId, Counted candidate) {
        counted.compute(requestId, (id, old) -> {
            Counted merged;
            if (old == null) {
                merged = candidate;
            } else if (candidate.fromLedger()) {
                merged = candidate;
            } else if (old.fromLedger()) {
                return old;
            } else {
                merged = earlier(old, candidate);
            }
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

        synchronized void add(Counted counted) {
            images += counted.images();
            if (counted.costUsd() == null) {
                withoutCost += counted.images();
            } else {
                knownCost = knownCost.add(counted.costUsd());
            }
        }

        synchronized void remove(Counted counted) {
            images -= counted.images();
            if (counted.costUsd() == null) {
                withoutCost -= counted.images();
            } else {
                knownCost = knownCost.subtract(counted.costUsd());
            }
        }

        synchronized long images() {
            return images;
        }

        synchronized BigDecimal cost(BigDecimal defaultPrice) {
            return knownCost.add(defaultPrice.multiply(BigDecimal.valueOf(withoutCost)));
        }
    }

    /**
     * The latest instant at which this product had an image (from any request); {@code null} when it never had one as
     * far as the ledger, the status topic and this instance know.
     */
    public Instant lastImageOf(long productId) {
        return lastImage.get(productId);
    }

    /** Images paid for on this UTC day, by every instance. */
    public long imagesOn(LocalDate day) {
        DayTotals totals = days.get(day);
        return totals == null ? 0 : totals.images();
    }

    /** Their list-price cost; images whose record carries no cost are priced at {@code defaultPrice}. */
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

    /**
     * Of two entries of one request id, the one that says more: more images paid, or the same payment published. A
     * ledger read from the beginning gives them in order anyway; this keeps an own write from being undone by its
     * older echo.
     */
    private static PaidGeneration later(PaidGeneration a, PaidGeneration b) {
        if (a.images() != b.images()) {
            return a.images() > b.images() ? a : b;
        }
        return b.published() || !a.published() ? b : a;
    }

    /** Two statuses of one image: counted on the earliest day, with whichever cost is known. */
    private static Counted earlier(Counted a, Counted b) {
        Counted first = b.day().isBefore(a.day()) ? b : a;
        BigDecimal cost = a.costUsd() != null ? a.costUsd() : b.costUsd();
        return new Counted(first.day(), 1, cost, false);
    }
}
