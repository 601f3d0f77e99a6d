package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ImageRequest;
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
 * An operator's "request again" of a stuck product: the one way a product in flight past {@code scan.in-flight-timeout}
 * is requested once more (scans only report it). A new attempt with a new request id, origin MANUAL, which the generator
 * never supersedes: the operator has decided to pay for it. Its earlier request is not withdrawn; if its stage moves
 * again it goes on too, so this is for a product whose records are known to be lost or will not move.
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
        /** The product is not stuck (or has an image now): nothing was written. */
        NOT_STUCK,
        /** The catalog has no such product. */
        NOT_FOUND
    }

    /**
     * @param requestId the new request's id, for {@link Kind#REQUESTED}
     * @param reason    why nothing was requested, otherwise
     */
    public record Outcome(Kind kind, long productId, String requestId, Integer attempt, String reason) {
    }

    /** One at a time: two operators pressing at once make one request. */
    public synchronized Outcome requestAgain(long productId) {
        if (!statuses.caughtUp()) {
            throw new ScanService.NotReadyException("the status topic is still being read; whether product " + productId
                    + " is stuck is not known yet");
        }
        Instant now = Instant.now();
        Optional<ProductStatus> last = statuses.get(productId);
        if (last.isEmpty()) {
            return new Outcome(Kind.NOT_STUCK, productId, null, null, "product " + productId
                    + " has never been requested: the next scan requests it if it needs an image");
        }
        ProductStatus status = last.get();
        if (!ScanDecision.stuck(status, config.inFlightTimeout(), now)) {
            return new Outcome(Kind.NOT_STUCK, productId, null, null, "product " + productId + " is " + status.state()
                    + (status.at() == null ? "" : " since " + status.at()) + " (request " + status.requestId()
                    + "), not in flight past scan.in-flight-timeout (" + config.inFlightTimeout() + ")");
        }
        Optional<CatalogEntry> entry = catalog.find(productId);
        if (entry.isEmpty()) {
            return new Outcome(Kind.NOT_FOUND, productId, null, null, "the catalog has no product " + productId);
        }
        if (entry.get().hasImage()) {
            return new Outcome(Kind.NOT_STUCK, productId, null, null, "product " + productId + " has an image now");
        }
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), entry.get().product(),
                status.attempt() + 1, null, ImageRequest.Origin.MANUAL, now);
        ProductStatus requested = ProductStatus.of(request, State.REQUESTED, "requested again by an operator: "
                + status.state() + " since " + status.at() + " (request " + status.requestId() + ")",
                RequestPublisher.STAGE);
        statuses.record(requested);
        try {
            publisher.batch().request(request, requested).commit();
        } catch (RuntimeException e) {
            statuses.retract(requested);
            throw e;
        }
        metrics.counter("scanner.requests.again").increment();
        LOG.infof("Product %d, stuck as %s since %s (request %s), requested again by an operator as %s, attempt %d",
                productId, status.state(), status.at(), status.requestId(), request.requestId(), request.attempt());
        return new Outcome(Kind.REQUESTED, productId, request.requestId(), request.attempt(), null);
    }
}
