package com.catalogimage.scanner.service;

import java.util.Comparator;
import java.util.List;

/**
 * Which of a scan's candidates are requested now (decision 0015). Pure: no I/O.
 *
 * <p>The generator takes requests in order, per partition, at the image quota; what the scanner writes is its queue.
 * Writing the whole backlog at once put a product added later behind all of it (5,000 products at 6 images a minute:
 * 14 hours). So the requests in flight are bounded, to what keeps the generator busy until the next scan refills them,
 * and new products come first: a product never requested before goes ahead of one requested again (its image was
 * cleared since), and among each the highest id, the newest product, first. A candidate left out waits for a later scan;
 * the backlog drains at the quota all the same, since the bound keeps the generator from running dry.
 */
public final class RequestSelection {

    private RequestSelection() {
    }

    /**
     * A product a scan would request.
     *
     * @param productId its id
     * @param firstTime whether it was never requested before (no status at all)
     */
    public record Candidate(long productId, boolean firstTime) {
    }

    /** First-time products before re-requests, then the highest id first. */
    public static final Comparator<Candidate> FRESH_FIRST = Comparator.comparing((Candidate c) -> !c.firstTime())
            .thenComparing(Comparator.comparingLong(Candidate::productId).reversed());

    /**
     * @param candidates  the products a scan would request, in any order
     * @param inFlight    requests written and not yet answered by the generator (latest status REQUESTED)
     * @param maxInFlight the bound
     * @return the candidates to request now, in the order to write them
     */
    public static List<Candidate> select(List<Candidate> candidates, int inFlight, int maxInFlight) {
        int room = Math.max(0, maxInFlight - inFlight);
        return candidates.stream().sorted(FRESH_FIRST).limit(room).toList();
    }

    /**
     * The bound when none is configured: the pooled quota for one scan interval (what the generator takes before the next
     * scan refills its queue) plus {@code headroom} (what it has in hand at once: a few image calls of several seconds,
     * and the jitter of when the scan runs). Fewer and the generator idles before a scan; more and a new product waits
     * behind them: a product added now waits for at most the next scan plus {@code bound / quota} minutes.
     *
     * @param quotaPerMinute the generator's pooled requests per minute
     * @param intervalMillis the time between two scans
     * @param headroomMillis the time of work the generator should still hold when a scan comes
     */
    public static int defaultBound(int quotaPerMinute, long intervalMillis, long headroomMillis) {
        return (int) Math.max(1, Math.ceil(quotaPerMinute * (intervalMillis + headroomMillis) / 60_000.0));
    }
}
