package com.catalogimage.console.service;

import com.catalogimage.console.client.ScanFigures;
import com.catalogimage.contracts.ProductStatus.State;
import java.util.Map;

/**
 * The catalog's coverage: how many products, with and without an image (the scanner's last scan), and where the rest
 * are (the status memory).
 *
 * <p>Without an image: the scan's missing rows, less those completed since that scan started (the scan runs every few
 * seconds; a product completed in between would otherwise count twice). The total: the scan's {@code total} when the
 * scanner reports it, else its rows seen when it read the whole catalog (stored-procedure mode), else (table mode reads
 * only rows without an image) those without plus those the pipeline completed: products given an image outside the
 * pipeline are then not counted. Before the first scan: the products the status memory knows.
 */
public record Coverage(long total, long withImage, long withoutImage, long inFlight, long awaitingReview, long skipped,
        long deadLettered, boolean scanned) {

    /**
     * @param scan             the scanner's last scan, or {@code null} before the first (or while it does not answer)
     * @param counts           products per latest state
     * @param completedSinceScan products whose latest status is COMPLETED and later than the scan's start
     */
    public static Coverage of(ScanFigures scan, Map<State, Long> counts, long completedSinceScan) {
        long inFlight = count(counts, State.REQUESTED) + count(counts, State.GENERATED) + count(counts, State.STORED);
        long completed = count(counts, State.COMPLETED);
        long awaiting = count(counts, State.AWAITING_REVIEW);
        long skipped = count(counts, State.SKIPPED);
        long dead = count(counts, State.DEAD_LETTERED);
        if (scan == null) {
            // Before the first scan only the products the pipeline has met are known.
            long known = counts.values().stream().mapToLong(Long::longValue).sum();
            return new Coverage(known, completed, known - completed, inFlight, awaiting, skipped, dead, false);
        }
        long without = Math.max(0, scan.missing() - completedSinceScan);
        long total;
        if (scan.total() != null) {
            total = scan.total();
        } else if (scan.seen() > scan.missing()) {
            total = scan.seen();
        } else {
            total = without + completed;
        }
        total = Math.max(total, without);
        return new Coverage(total, total - without, without, inFlight, awaiting, skipped, dead, true);
    }

    /** Share with an image, 0-100. */
    public int percent() {
        return total == 0 ? 0 : (int) Math.floor(100.0 * withImage / total);
    }

    /**
     * Products still to get an image by the pipeline's own work: without one, less those that will not move without
     * someone (skipped, dead-lettered, waiting for a reviewer).
     */
    public long remaining() {
        return Math.max(0, withoutImage - skipped - deadLettered - awaitingReview);
    }

    private static long count(Map<State, Long> counts, State state) {
        return counts.getOrDefault(state, 0L);
    }
}
