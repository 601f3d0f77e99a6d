package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.client.CatalogReader;
import com.catalogimage.scanner.client.CatalogReader.CatalogEntry;
import com.catalogimage.scanner.config.ScannerConfig;
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
        NOT_FOUND
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
        if (entry.get().hasImage()) {
            return new Outcome(Kind.NOT_ALLOWED, productId, null, null, "product " + productId + " has an image now");
        }
        String promptOverride = OperatorText.prompt(prompt);
        String templateOverride = promptOverride == null ? OperatorText.prompt(template) : null;
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), entry.get().product(),
                status.attempt() + 1, promptOverride, ImageRequest.Origin.MANUAL, now, templateOverride);
        ProductStatus requested = ProductStatus.of(request, State.REQUESTED, "requested again by an operator: "
                + status.state() + (status.reason() == null ? "" : " " + status.reason()) + " since " + status.at()
                + " (request " + status.requestId() + ")" + (promptOverride != null ? " with a prompt override"
                        : templateOverride != null ? " with a template override" : ""),
                RequestPublisher.STAGE);
        statuses.record(requested);
        try {
            publisher.batch().request(request, requested).commit();
        } catch (RuntimeException e) {
            statuses.retract(requested);
            throw e;
        }
        metrics.counter("scanner.requests.again").increment();
        LOG.infof("Product %d, %s as %s since %s (request %s), requested again by an operator as %s, attempt %d%s",
                productId, ground.get(), status.state(), status.at(), status.requestId(), request.requestId(),
                request.attempt(), promptOverride != null ? " with a prompt override"
                        : templateOverride != null ? " with a template override" : "");
        return new Outcome(Kind.REQUESTED, productId, request.requestId(), request.attempt(), null);
    }
}
