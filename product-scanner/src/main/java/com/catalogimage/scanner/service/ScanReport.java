package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import java.time.Instant;
import java.util.Map;

/**
 * What one scan saw and did.
 *
 * @param seen               catalog rows read (table mode reads only rows without an image)
 * @param missing            rows without an image
 * @param requested          image requests emitted (or that would be, in a dry run)
 * @param alreadyInFlight    missing rows already requested and not finished
 * @param requestedAgain     of {@code requested}: a request that never showed up, or completed earlier and cleared since
 * @param stuck              of {@code alreadyInFlight}: paid for and waiting past the in-flight timeout in a later stage,
 *                           never requested again automatically
 * @param deadLettered       missing rows waiting in the dead-letter topic for an operator
 * @param skipped            missing rows not requested, by reason
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
        int deadLettered,
        Map<ReasonCode, Integer> skipped) {
}
