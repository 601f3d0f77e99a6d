package com.catalogimage.scanner.service;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.client.CatalogReader;
import com.catalogimage.scanner.client.CatalogReader.CatalogEntry;
import com.catalogimage.scanner.config.ScannerConfig;
import com.catalogimage.scanner.messaging.RequestPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** One scan: read the catalog, decide for each product without an image, emit what needs a picture. */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    /** Sends are pipelined in batches: fast on big catalogs, bounded in memory. */
    private static final int SEND_BATCH = 500;

    private final CatalogReader catalog;
    private final StatusStore statuses;
    private final InputHygiene hygiene;
    private final RequestPublisher publisher;
    private final ScannerConfig config;
    private final MeterRegistry metrics;
    private volatile ScanReport latest;
    /** Products paid for and stuck past the in-flight timeout at the last scan: for an alert, never re-requested. */
    private final AtomicInteger stuck;

    public ScanService(CatalogReader catalog, StatusStore statuses, InputHygiene hygiene, RequestPublisher publisher,
            ScannerConfig config, MeterRegistry metrics) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.hygiene = hygiene;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.stuck = metrics.gauge("scanner.products.stuck", new AtomicInteger());
    }

    /** Scans and emits. Scans never overlap: a second caller waits for the first. */
    public synchronized ScanReport scan(String trigger) {
        ScanReport report = run(trigger, false);
        latest = report;
        return report;
    }

    /** What a scan would request now, emitting nothing. */
    public ScanReport dryRun() {
        return run("estimate", true);
    }

    public Optional<ScanReport> latest() {
        return Optional.ofNullable(latest);
    }

    private ScanReport run(String trigger, boolean dryRun) {
        if (!statuses.caughtUp()) {
            throw new NotReadyException("the status topic is still being read; the scan would re-request products in flight");
        }
        Instant started = Instant.now();
        // States first, catalog second: the updater writes the catalog before COMPLETED, so a product completed while
        // the catalog is read looks in flight here, never "completed but without image" (which would request it again).
        Map<Long, ProductStatus> known = statuses.snapshot();
        List<CatalogEntry> entries = new ArrayList<>(catalog.read());
        entries.sort(Comparator.comparingLong(entry -> entry.product().id()));

        // The lowest id of each name+description pair gets the picture; the others are duplicates of it.
        Map<String, Long> firstWithFingerprint = new HashMap<>();
        entries.stream().filter(entry -> !entry.hasImage())
                .forEach(entry -> firstWithFingerprint.putIfAbsent(hygiene.fingerprint(entry.product()), entry.product().id()));

        ScanDecision.Tally tally = new ScanDecision.Tally();
        List<Uni<Void>> sends = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            tally.seen++;
            if (entry.hasImage()) {
                continue;
            }
            tally.missing++;
            Optional<ProductStatus> last = Optional.ofNullable(known.get(entry.product().id()));
            ScanDecision decision = ScanDecision.decide(entry.product(), last, hygiene.problem(entry.product()),
                    firstWithFingerprint.get(hygiene.fingerprint(entry.product())), config.inFlightTimeout(), started);
            tally.count(decision);
            if (decision.kind() == ScanDecision.Kind.REQUEST_AGAIN) {
                LOG.warnf("Product %d was %s (request %s) and has no image: requesting it again", entry.product().id(),
                        last.get().state(), last.get().requestId());
            } else if (decision.kind() == ScanDecision.Kind.STUCK) {
                LOG.warnf("Product %d has been %s since %s (request %s): its image is paid for and waits in a later "
                        + "stage (is the uploader or the updater paused?); it is not requested again", entry.product().id(),
                        last.get().state(), last.get().at(), last.get().requestId());
            }
            if (!dryRun && decision.emits()) {
                sends.add(emit(entry.product(), decision));
                if (sends.size() >= SEND_BATCH) {
                    await(sends);
                }
            }
        }
        await(sends);
        ScanReport report = new ScanReport(trigger, config.mode().name().toLowerCase().replace('_', '-'), started,
                Instant.now(), tally.seen, tally.missing, tally.requested, tally.inFlight, tally.again, tally.stuck,
                tally.deadLettered, tally.skipped);
        if (!dryRun) {
            record(report);
        }
        return report;
    }

    private Uni<Void> emit(Product product, ScanDecision decision) {
        if (decision.kind() == ScanDecision.Kind.SKIP) {
            ProductStatus skipped = ProductStatus.skipped(product.id(), decision.reason(), decision.detail(), RequestPublisher.STAGE);
            statuses.record(skipped);
            return publisher.status(skipped);
        }
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), product, decision.attempt(), null,
                ImageRequest.Origin.SCAN, Instant.now());
        ProductStatus requested = ProductStatus.of(request, State.REQUESTED, null, RequestPublisher.STAGE);
        statuses.record(requested);
        return publisher.request(request, requested);
    }

    private static void await(List<Uni<Void>> sends) {
        if (!sends.isEmpty()) {
            Uni.join().all(sends).andCollectFailures().await().atMost(Duration.ofMinutes(2));
            sends.clear();
        }
    }

    private void record(ScanReport report) {
        // Prometheus wants one set of tag keys per meter name, hence reason "none" where there is no reason.
        metrics.counter("scanner.products", "outcome", "requested", "reason", "none").increment(report.requested());
        metrics.counter("scanner.products", "outcome", "in-flight", "reason", "none").increment(report.alreadyInFlight());
        stuck.set(report.stuck());
        report.skipped().forEach((reason, count) ->
                metrics.counter("scanner.products", "outcome", "skipped", "reason", reason.name()).increment(count));
        metrics.timer("scanner.scan.duration", "mode", report.mode())
                .record(Duration.between(report.startedAt(), report.finishedAt()));
        LOG.infof("Scan (%s): %d seen, %d without image, %d requested (%d again), %d in flight (%d stuck), %d "
                + "dead-lettered, skipped %s", report.trigger(), report.seen(), report.missing(), report.requested(),
                report.requestedAgain(), report.alreadyInFlight(), report.stuck(), report.deadLettered(), report.skipped());
    }

    /** The scanner cannot decide yet. */
    public static class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
