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
        /**
         * Requested before, and it needs an image again: its request never showed up (REQUESTED past the in-flight
         * timeout; a request still queued behind a backlog is superseded by the generator, decision 0011), or it had an
         * image that was cleared or replaced and removed since.
         */
        REQUEST_AGAIN,
        /** A request is on its way. */
        IN_FLIGHT,
        /**
         * Its image is paid for and has waited past the in-flight timeout in a later stage (storage or the catalog
         * refusing us, a stage down): its records wait in Kafka and go on when the stage does. Never requested again
         * automatically: a new request made after the image would be generated and paid for again. Reported instead.
         */
        STUCK,
        /** Its text cannot make a picture (or copies another product's): skip it with a reason, once. */
        SKIP,
        /** Skipped by an earlier scan; stays so. */
        SKIPPED_BEFORE,
        /** Dead-lettered: an operator decides (replay). */
        DEAD_LETTERED
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
                case REQUESTED -> waitedPast(status, inFlightTimeout, now) ? again(attempt) : of(Kind.IN_FLIGHT);
                case GENERATED, STORED -> waitedPast(status, inFlightTimeout, now) ? of(Kind.STUCK) : of(Kind.IN_FLIGHT);
                case UNKNOWN -> of(Kind.IN_FLIGHT);
                case COMPLETED -> again(attempt); // it had an image and has none now
                case SKIPPED -> status.reason() == ReasonCode.ALREADY_HAS_IMAGE
                        ? again(attempt) // someone set an image, then cleared it
                        : new ScanDecision(Kind.SKIPPED_BEFORE, 0, status.reason(), null);
                case DEAD_LETTERED -> of(Kind.DEAD_LETTERED);
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

    /** A status without a time says nothing about how long it waited: it is taken as fresh. */
    private static boolean waitedPast(ProductStatus status, Duration inFlightTimeout, Instant now) {
        return status.at() != null && Duration.between(status.at(), now).compareTo(inFlightTimeout) >= 0;
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
        int deadLettered;
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
            }
        }
    }
}
