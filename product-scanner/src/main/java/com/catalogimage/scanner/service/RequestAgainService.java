package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.client.CatalogReader;
import com.catalogimage.scanner.client.CatalogReader.CatalogEntry;
import com.catalogimage.scanner.config.ScannerConfig;
import com.catalogimage.scanner.messaging.ReplayLedger;
import com.catalogimage.scanner.messaging.RequestPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An operator's "request again": the one way a product no scan requests gets a new image. A product stuck in flight past
 * {@code scan.in-flight-timeout} (scans only report it), one whose image waits for a reviewer (regenerate instead of
 * approving), or one a reviewer rejected ({@link RequestAgainRule}). A new attempt with a new request id, origin MANUAL,
 * which the generator never supersedes: the operator has decided to pay for it, optionally with their own prompt or
 * template (cleaned and bounded by {@link OperatorText}, as a replay's). A stuck product's earlier request is not
 * withdrawn; if its stage moves again it goes on too, so this is for a product whose records are known to be lost or
 * will not move. An image awaiting review is superseded: its product's latest status is the new REQUESTED, so a review
 * decision on it arriving later is stale and changes nothing.
 */
@ApplicationScoped
public class RequestAgainService {

    private static final Logger LOG = Logger.getLogger(RequestAgainService.class);

    private final StatusStore statuses;
    private final CatalogReader catalog;
    private final RequestPublisher publisher;
    private final ScannerConfig config;
    private final MeterRegistry metrics;

    public RequestAgainService(StatusStore statuses, CatalogReader catalog, RequestPublisher publisher,
            ScannerConfig config, MeterRegistry metrics) {
        this.statuses = statuses;
        this.catalog = catalog;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    public enum Kind {
        /** The new request is on {@code image-requests}, with its REQUESTED status. */
        REQUESTED,
        /** The rule does not allow it (or the product has an image now): nothing was written. */
        NOT_ALLOWED,
        /** The catalog has no such product. */
        NOT_FOUND,
        /** An on-demand generation with this idempotency key was requested before: nothing new was written. */
        ALREADY_REQUESTED
    }

    /**
     * @param requestId the new request's id, for {@link Kind#REQUESTED}
     * @param reason    why nothing was requested, otherwise
     */
    public record Outcome(Kind kind, long productId, String requestId, Integer attempt, String reason) {
    }

    /** Without an operator's prompt or template: the configured template again. */
    public Outcome requestAgain(long productId) {
        return requestAgain(productId, null, null);
    }

    /**
     * One at a time: two operators pressing at once make one request.
     *
     * @param prompt   a whole prompt for the new request, or {@code null}
     * @param template a prompt template for it (used only without a prompt), or {@code null}
     */
    public synchronized Outcome requestAgain(long productId, String prompt, String template) {
        if (!statuses.caughtUp()) {
            throw new ScanService.NotReadyException("the status topic is still being read; whether product " + productId
                    + " is stuck is not known yet");
        }
        Instant now = Instant.now();
        Optional<ProductStatus> last = statuses.get(productId);
        if (last.isEmpty()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId
                    + " has never been requested: the next scan requests it if it needs an image");
        }
        ProductStatus status = last.get();
        Optional<RequestAgainRule.Ground> ground = RequestAgainRule.ground(status, config.inFlightTimeout(), now);
        if (ground.isEmpty()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null,
                    RequestAgainRule.refusal(status, config.inFlightTimeout()));
        }
        Optional<CatalogEntry> entry = catalog.find(productId);
        if (entry.isEmpty()) {
            return new Outcome(Kind.NOT_FOUND, productId, null, null, "the catalog has no product " + productId);
        }
        // A restyle's statuses carry its original: requested again, it is a restyle again, of the image the catalog
        // has (which it still needs; a product without one is requested by the scan).
        boolean restyle = status.originalImageUrl() != null;
        if (restyle && !entry.get().hasImage()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId + " was being restyled and"
                    + " has no image now: the next scan requests a new one");
        }
        if (!restyle && entry.get().hasImage()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId + " has an image now");
        }
        return publish(entry.get(), status, UUID.randomUUID().toString(), status.attempt() + 1, prompt, template,
                restyle ? ImageRequest.Mode.RESTYLE : null,
                "requested again by an operator: " + status.state() + (status.reason() == null ? "" : " "
                        + status.reason()) + " since " + status.at() + " (request " + status.requestId() + ")",
                "scanner.requests.again", ground.get().toString());
    }

    /**
     * An on-demand generation ({@code POST /products/{id}/generations}, the console's {@code POST /generations}): a
     * MANUAL request through the pipeline, so the quota, the budget and the review gate apply as to any other. Its
     * request id is derived from the product and the client's idempotency key ({@link ReplayLedger#manualRequestId}):
     * the same key again answers the same request and writes nothing. Refused while the product is in flight
     * ({@link RequestAgainRule#generationRefusal}) and when the catalog has an image (the updater never overwrites one:
     * the image would be paid for and never shown; a preview is the way to try a prompt on such a product).
     */
    public Outcome generate(long productId, String idempotencyKey, String prompt, String template) {
        return generate(productId, idempotencyKey, prompt, template, ImageRequest.Mode.GENERATE);
    }

    /**
     * {@link #generate(long, String, String, String)} in the given mode. A {@link ImageRequest.Mode#RESTYLE restyle}
     * (the console's Restyle action) is the other way round about the catalog's image: it needs one, the photo it
     * restyles, which stays in the catalog until a reviewer approves the new image (decision 0032).
     */
    public synchronized Outcome generate(long productId, String idempotencyKey, String prompt, String template,
            ImageRequest.Mode mode) {
        boolean restyle = mode == ImageRequest.Mode.RESTYLE;
        if (!statuses.caughtUp()) {
            throw new ScanService.NotReadyException("the status topic is still being read; whether product " + productId
                    + " is in flight is not known yet");
        }
        String requestId = ReplayLedger.manualRequestId(productId, idempotencyKey);
        Optional<Integer> seen = statuses.knownAttempt(productId, requestId);
        if (seen.isPresent()) {
            return new Outcome(Kind.ALREADY_REQUESTED, productId, requestId, seen.get(), null);
        }
        String promptOverride = OperatorText.prompt(prompt);
        String templateOverride = promptOverride == null ? OperatorText.prompt(template) : null;
        Optional<ProductStatus> last = statuses.get(productId);
        Optional<String> refusal = RequestAgainRule.generationRefusal(last.orElse(null),
                promptOverride != null || templateOverride != null, config.inFlightTimeout(), Instant.now());
        if (refusal.isPresent()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, refusal.get());
        }
        Optional<CatalogEntry> entry = catalog.find(productId);
        if (entry.isEmpty()) {
            return new Outcome(Kind.NOT_FOUND, productId, null, null, "the catalog has no product " + productId);
        }
        if (restyle && !entry.get().hasImage()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId + " has no image in the "
                    + "catalog to restyle: generate one instead");
        }
        if (!restyle && entry.get().hasImage()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId + " has an image in the "
                    + "catalog, which the pipeline never overwrites: clear it first, restyle it, or make a preview");
        }
        ProductStatus status = last.orElse(null);
        return publish(entry.get(), status, requestId, status == null ? 1 : status.attempt() + 1, promptOverride,
                templateOverride, restyle ? ImageRequest.Mode.RESTYLE : null, (restyle ? "restyle of "
                        + entry.get().product().imageUrl() : "generation") + " asked for by an operator"
                        + (status == null ? ""
                        : ": " + status.state() + (status.reason() == null ? "" : " " + status.reason())
                                + " since " + status.at() + " (request " + status.requestId() + ")"),
                "scanner.requests.on-demand", restyle ? "restyle on demand" : "on demand");
    }

    /** The request and its REQUESTED in one transaction; the status taken back if it aborts. */
    private Outcome publish(CatalogEntry entry, ProductStatus previous, String requestId, int attempt, String prompt,
            String template, ImageRequest.Mode mode, String detail, String counter, String ground) {
        long productId = entry.product().id();
        String promptOverride = OperatorText.prompt(prompt);
        String templateOverride = promptOverride == null ? OperatorText.prompt(template) : null;
        String with = promptOverride != null ? " with a prompt override"
                : templateOverride != null ? " with a template override" : "";
        ImageRequest request = new ImageRequest(requestId, entry.product(), attempt, promptOverride,
                ImageRequest.Origin.MANUAL, Instant.now(), templateOverride, mode);
        ProductStatus requested = ProductStatus.of(request, State.REQUESTED, detail + with, RequestPublisher.STAGE);
        statuses.record(requested);
        try {
            publisher.batch().request(request, requested).commit();
        } catch (RuntimeException e) {
            statuses.retract(requested);
            throw e;
        }
        metrics.counter(counter).increment();
        LOG.infof("Product %d, %s%s, requested by an operator as %s, attempt %d%s", productId, ground,
                previous == null ? "" : " as " + previous.state() + " since " + previous.at() + " (request "
                        + previous.requestId() + ")", request.requestId(), request.attempt(), with);
        return new Outcome(Kind.REQUESTED, productId, request.requestId(), request.attempt(), null);
    }
}
