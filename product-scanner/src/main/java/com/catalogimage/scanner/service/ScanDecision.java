package com.catalogimage.scanner.service;

import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan does with one product without an image, from its latest status and its text. Pure: no I/O.
 *
 * @param kind    what to do
 * @param attempt the attempt number of a new request
 * @param reason  why it is skipped, for {@link Kind#SKIP} and {@link Kind#SKIPPED_BEFORE}
 * @param detail  what the skip status says
 */
public record ScanDecision(Kind kind, int attempt, ReasonCode reason, String detail) {

    public enum Kind {
        /** Never requested: request it. */
        REQUEST,
        /** Requested before, and it needs an image again: it had one that was cleared or replaced and removed since. */
        REQUEST_AGAIN,
        /** A request is on its way. */
        IN_FLIGHT,
        /**
         * In flight past the in-flight timeout: REQUESTED and not yet generated (the generator halted, paused for its
         * budget, or far behind), or its image paid for and waiting in a later stage (storage or the catalog refusing us,
         * a stage down). Its records wait in Kafka and go on when the stage does: the request and its REQUESTED are
         * written in one transaction (decision 0015), so a REQUESTED product always has its request on the topic. Never
         * requested again automatically, which could pay twice; reported, and an operator may request it again.
         */
        STUCK,
        /** Its text cannot make a picture (or copies another product's): skip it with a reason, once. */
        SKIP,
        /** Skipped by an earlier scan; stays so. */
        SKIPPED_BEFORE,
        /** Dead-lettered: an operator decides (replay). */
        DEAD_LETTERED,
        /**
         * Its image waits for a reviewer ({@code REVIEW_MODE=manual}): paid for and stored privately. Neither in flight
         * (it holds no place among the requests in flight, or an unreviewed queue would stop generation) nor ever stuck:
         * a person decides, however long that takes.
         */
        AWAITING_REVIEW,
        /**
         * A product with an image that was requested (a restyle, {@link RestyleSelection}) and got its answer: nothing
         * more, a person decides whether it gets another.
         */
        DONE
    }

    /**
     * @param last            the product's latest status, if any
     * @param problem         what the input hygiene finds wrong with its text, if anything
     * @param firstWithText   the lowest id of the products without image that share its name and description
     * @param inFlightTimeout how long a request may stay in flight before it counts as stuck
     */
    public static ScanDecision decide(Product product, Optional<ProductStatus> last, Optional<ReasonCode> problem,
            long firstWithText, Duration inFlightTimeout, Instant now) {
        int attempt = last.map(status -> status.attempt() + 1).orElse(1);
        if (last.isPresent()) {
            ProductStatus status = last.get();
            return switch (status.state()) {
                case REQUESTED, GENERATED, STORED ->
                        stuck(status, inFlightTimeout, now) ? of(Kind.STUCK) : of(Kind.IN_FLIGHT);
                case UNKNOWN -> of(Kind.IN_FLIGHT);
                case COMPLETED -> again(attempt); // it had an image and has none now
                case SKIPPED -> status.reason() == ReasonCode.ALREADY_HAS_IMAGE
                        ? again(attempt) // someone set an image, then cleared it
                        : new ScanDecision(Kind.SKIPPED_BEFORE, 0, status.reason(), null);
                case DEAD_LETTERED -> of(Kind.DEAD_LETTERED);
                case AWAITING_REVIEW -> of(Kind.AWAITING_REVIEW);
            };
        }
        if (problem.isPresent()) {
            return new ScanDecision(Kind.SKIP, 0, problem.get(), "description: \"" + abbreviate(product.description()) + "\"");
        }
        if (firstWithText != product.id()) {
            return new ScanDecision(Kind.SKIP, 0, ReasonCode.DUPLICATE, "same name and description as product " + firstWithText);
        }
        return new ScanDecision(Kind.REQUEST, attempt, null, null);
    }

    /** Whether the scan writes something for it: a request, or a skip status. */
    public boolean emits() {
        return kind == Kind.REQUEST || kind == Kind.REQUEST_AGAIN || kind == Kind.SKIP;
    }

    /**
     * Whether a product in flight has waited past the timeout. A status without a time says nothing about how long it
     * waited and one from the future (a writer's clock ahead) has not waited yet: both count as fresh, and since being
     * stuck is only reported, never acted on, a wrong clock can hide a stuck product, never pay for one.
     */
    public static boolean stuck(ProductStatus status, Duration inFlightTimeout, Instant now) {
        return status.state() != null && !status.state().isFinal() && status.state() != ProductStatus.State.UNKNOWN
                && status.state() != ProductStatus.State.AWAITING_REVIEW
                && status.at() != null && Duration.between(status.at(), now).compareTo(inFlightTimeout) >= 0;
    }

    private static ScanDecision of(Kind kind) {
        return new ScanDecision(kind, 0, null, null);
    }

    private static ScanDecision again(int attempt) {
        return new ScanDecision(Kind.REQUEST_AGAIN, attempt, null, null);
    }

    private static String abbreviate(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** One scan's counts. */
    public static final class Tally {
        int seen;
        int missing;
        int requested;
        int again;
        int inFlight;
        int stuck;
        int deferred;
        int deadLettered;
        int awaitingReview;
        int restyles;
        int fromPhotos;
        final Map<ReasonCode, Integer> skipped = new EnumMap<>(ReasonCode.class);

        void count(ScanDecision decision) {
            switch (decision.kind()) {
                case REQUEST -> requested++;
                case REQUEST_AGAIN -> {
                    requested++;
                    again++;
                }
                case IN_FLIGHT -> inFlight++;
                case STUCK -> {
                    inFlight++;
                    stuck++;
                }
                case SKIP, SKIPPED_BEFORE -> skipped.merge(decision.reason(), 1, Integer::sum);
                case DEAD_LETTERED -> deadLettered++;
                case AWAITING_REVIEW -> awaitingReview++;
                case DONE -> {
                }
            }
        }
    }
}
