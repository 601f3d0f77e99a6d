package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import java.time.Instant;
import java.util.Map;

/**
 * What one scan saw and did.
 *
 * @param seen               catalog rows read (table mode reads only rows without an image, and with restyles on
 *                           those whose image starts with a {@code RESTYLE_IMAGE_URL_PREFIXES} prefix)
 * @param missing            rows without an image
 * @param requested          image requests emitted (or that would be, in a dry run)
 * @param alreadyInFlight    missing rows already requested and not finished
 * @param requestedAgain     of {@code requested}: completed earlier and its image cleared since
 * @param deferred           missing rows a request was due for, left for a later scan: the requests in flight were at
 *                           {@code scan.max-in-flight} (new products go first)
 * @param maxInFlight        the bound of requests in flight this scan applied ({@code scan.max-in-flight} or derived)
 * @param stuck              of {@code alreadyInFlight}: in flight past {@code scan.in-flight-timeout} (not generated yet,
 *                           or paid for and waiting in a later stage), never requested again automatically
 * @param deadLettered       missing rows waiting in the dead-letter topic for an operator
 * @param awaitingReview     missing rows whose image waits for a reviewer ({@code REVIEW_MODE=manual}): never requested
 *                           by a scan, and not in flight (an unreviewed queue holds no place under the bound)
 * @param skipped            missing rows not requested, by reason
 * @param total              the catalog's rows, with an image or without (table mode counts them with one more
 *                           read of the ids alone; the console's coverage needs it); {@code null} if unknown
 * @param restyles           of {@code requested}: restyles of a product's current image ({@link RestyleSelection})
 * @param fromPhotos         of {@code requested}: made from a photo ({@code /images/edits}): the restyles, and the
 *                           products with a reference photo ({@code CATALOG_SOURCE_IMAGE_COLUMN})
 */
public record ScanReport(
        String trigger,
        String mode,
        Instant startedAt,
        Instant finishedAt,
        int seen,
        int missing,
        int requested,
        int alreadyInFlight,
        int requestedAgain,
        int stuck,
        int deferred,
        int maxInFlight,
        int deadLettered,
        int awaitingReview,
        Map<ReasonCode, Integer> skipped,
        Integer total,
        int restyles,
        int fromPhotos) {
}
