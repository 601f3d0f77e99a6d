package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which products with an image a scan requests as a RESTYLE (decision 0032), and what it does with those it did. Pure:
 * no I/O.
 *
 * <p>A product is restyled when its {@code ImageUrl} starts with one of {@code RESTYLE_IMAGE_URL_PREFIXES} (a
 * supplier's CDN, say), and only once: the status topic remembers it as for any other request. A product with any
 * status is never requested as a restyle again by a scan: in flight or awaiting review it waits as any other; approved
 * (COMPLETED), its {@code ImageUrl} is the new image and no longer matches; rejected (SKIPPED
 * {@code REJECTED_BY_REVIEWER}), overtaken by an edit (SKIPPED {@code ALREADY_HAS_IMAGE}) or dead-lettered, a person
 * decides, through the console's Restyle action or a replay. That also keeps a prefix that matches images of the
 * pipeline's own from restyling them over and over: their products have a status. Neither input hygiene nor the
 * duplicate check applies: the current photo carries the product, not its text.
 */
public final class RestyleSelection {

    private RestyleSelection() {
    }

    /** The configured prefixes, trimmed, blanks dropped (an empty entry would match every URL). */
    public static List<String> prefixes(Optional<List<String>> configured) {
        return configured.orElse(List.of()).stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).toList();
    }

    /** Whether the product's current image is one to restyle. */
    public static boolean matches(String imageUrl, List<String> prefixes) {
        return imageUrl != null && prefixes.stream().anyMatch(imageUrl::startsWith);
    }

    /**
     * What a scan does with a product whose image {@link #matches matches}.
     *
     * @param last the product's latest status, if any
     */
    public static ScanDecision decide(Optional<ProductStatus> last, Duration inFlightTimeout, Instant now) {
        if (last.isEmpty()) {
            return new ScanDecision(ScanDecision.Kind.REQUEST, 1, null, null);
        }
        ProductStatus status = last.get();
        if (status.state() == null) {
            return of(ScanDecision.Kind.IN_FLIGHT);
        }
        return switch (status.state()) {
            case REQUESTED, GENERATED, STORED -> ScanDecision.stuck(status, inFlightTimeout, now)
                    ? of(ScanDecision.Kind.STUCK) : of(ScanDecision.Kind.IN_FLIGHT);
            case UNKNOWN -> of(ScanDecision.Kind.IN_FLIGHT);
            case AWAITING_REVIEW -> of(ScanDecision.Kind.AWAITING_REVIEW);
            case DEAD_LETTERED -> of(ScanDecision.Kind.DEAD_LETTERED);
            case SKIPPED -> status.reason() == null ? of(ScanDecision.Kind.DONE)
                    : new ScanDecision(ScanDecision.Kind.SKIPPED_BEFORE, 0, status.reason(), null);
            case COMPLETED -> of(ScanDecision.Kind.DONE);
        };
    }

    private static ScanDecision of(ScanDecision.Kind kind) {
        return new ScanDecision(kind, 0, null, null);
    }
}
