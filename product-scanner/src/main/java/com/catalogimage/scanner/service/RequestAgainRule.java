package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an operator may request a product again, from its latest status. Pure: no I/O. Allowed are the products a
 * person has to unblock, since no scan ever requests them: one stuck in flight (its stage does not move), one whose image
 * waits for a reviewer (regenerate instead of approving), and one a reviewer rejected (reject, then regenerate). Anything
 * else is refused: in flight within the timeout (it may still arrive: requesting again would pay twice), completed (its
 * image is in the catalog), skipped for its text or dead-lettered (the scan or a replay is the way back for those).
 */
public final class RequestAgainRule {

    /** Why a request again is allowed. */
    public enum Ground {
        STUCK, AWAITING_REVIEW, REJECTED_BY_REVIEWER
    }

    private RequestAgainRule() {
    }

    /** The ground for requesting it again, or empty when it may not be. */
    public static Optional<Ground> ground(ProductStatus last, Duration inFlightTimeout, Instant now) {
        if (last == null || last.state() == null) {
            return Optional.empty();
        }
        if (last.state() == State.AWAITING_REVIEW) {
            return Optional.of(Ground.AWAITING_REVIEW);
        }
        if (last.state() == State.SKIPPED && last.reason() == ReasonCode.REJECTED_BY_REVIEWER) {
            return Optional.of(Ground.REJECTED_BY_REVIEWER);
        }
        return ScanDecision.stuck(last, inFlightTimeout, now) ? Optional.of(Ground.STUCK) : Optional.empty();
    }

    /** What the refusal says about a product that may not be requested again. */
    public static String refusal(ProductStatus last, Duration inFlightTimeout) {
        return "product " + last.productId() + " is " + last.state()
                + (last.reason() == null ? "" : " " + last.reason())
                + (last.at() == null ? "" : " since " + last.at()) + " (request " + last.requestId()
                + "): only a product stuck in flight past scan.in-flight-timeout (" + inFlightTimeout
                + "), awaiting review or rejected by a reviewer is requested again";
    }
}
