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

    /**
     * Whether an operator may ask for a new generation of a product ({@code POST /products/{id}/generations}), from its
     * latest status: anything but a product in flight (REQUESTED, GENERATED, STORED, or a state this scanner does not
     * know), which would be paid for twice (a stuck one has {@link #ground request again}), and a content-policy dead
     * letter without a prompt or template of the operator's own (the same prompt is refused again, and repeated refusals
     * can get an Azure resource blocked). A product never requested, completed, skipped, dead-lettered otherwise or
     * awaiting review may be generated on demand; whether the catalog would take the image is the service's to check.
     *
     * @param override whether the request carries the operator's prompt or template
     * @return why not, or empty when it may be generated
     */
    public static Optional<String> generationRefusal(ProductStatus last, boolean override, Duration inFlightTimeout,
            Instant now) {
        if (last == null || last.state() == null) {
            return Optional.empty();
        }
        String since = (last.at() == null ? "" : " since " + last.at()) + " (request " + last.requestId() + ")";
        return switch (last.state()) {
            case REQUESTED, GENERATED, STORED, UNKNOWN -> Optional.of("product " + last.productId() + " is in flight: "
                    + last.state() + since + (ScanDecision.stuck(last, inFlightTimeout, now)
                            ? "; it is stuck past scan.in-flight-timeout: request it again instead"
                            : "; a new generation would pay for a second image"));
            case DEAD_LETTERED -> last.reason() == ReasonCode.CONTENT_POLICY && !override
                    ? Optional.of("product " + last.productId() + " was refused by the content filter" + since
                            + ": the same prompt is refused again; give a prompt or template of your own")
                    : Optional.empty();
            case COMPLETED, SKIPPED, AWAITING_REVIEW -> Optional.empty();
        };
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
