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
    /** Products per transaction: one commit for many products on a big catalog, bounded in memory. */
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
    /** {@code RESTYLE_IMAGE_URL_PREFIXES}; empty: no restyles. */
    private final List<String> restylePrefixes;

    public ScanService(CatalogReader catalog, StatusStore statuses, InputHygiene hygiene, RequestPublisher publisher,
            ScannerConfig config, MeterRegistry metrics) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.hygiene = hygiene;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.stuck = metrics.gauge("scanner.products.stuck", new AtomicInteger());
        this.restylePrefixes = RestyleSelection.prefixes(config.restyleImageUrlPrefixes());
        if (!restylePrefixes.isEmpty()) {
            LOG.infof("Products whose image starts with %s are restyled once, through the review gate", restylePrefixes);
        }
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
        List<CatalogEntry> entries = new ArrayList<>(catalog.read(restylePrefixes));
        entries.sort(Comparator.comparingLong(entry -> entry.product().id()));

        // The lowest id of each name+description pair gets the picture; the others are duplicates of it.
        Map<String, Long> firstWithFingerprint = new HashMap<>();
        entries.stream().filter(entry -> !entry.hasImage())
                .forEach(entry -> firstWithFingerprint.putIfAbsent(hygiene.fingerprint(entry.product()), entry.product().id()));

        ScanDecision.Tally tally = new ScanDecision.Tally();
        // The generator's queue, which the bound applies to: products without an image whose latest status is
        // REQUESTED (a REQUESTED status behind a product that has its image since holds no place in it).
        Map<Long, Due> due = new HashMap<>();
        int inFlight = 0;
        RequestPublisher.Batch skips = publisher.batch();
        for (CatalogEntry entry : entries) {
            tally.seen++;
            if (entry.hasImage()) {
                if (RestyleSelection.matches(entry.product().imageUrl(), restylePrefixes)) {
                    Optional<ProductStatus> last = Optional.ofNullable(known.get(entry.product().id()));
                    ScanDecision decision = RestyleSelection.decide(last, config.inFlightTimeout(), started);
                    if (decision.kind() == ScanDecision.Kind.REQUEST) {
                        due.put(entry.product().id(), new Due(entry.product(), decision, last, ImageRequest.Mode.RESTYLE));
                    } else {
                        tally.count(decision);
                    }
                    if ((decision.kind() == ScanDecision.Kind.IN_FLIGHT || decision.kind() == ScanDecision.Kind.STUCK)
                            && last.get().state() == State.REQUESTED) {
                        inFlight++;
                    }
                }
                continue;
            }
            tally.missing++;
            Optional<ProductStatus> last = Optional.ofNullable(known.get(entry.product().id()));
            ScanDecision decision = ScanDecision.decide(entry.product(), last, hygiene.problem(entry.product()),
                    firstWithFingerprint.get(hygiene.fingerprint(entry.product())), config.inFlightTimeout(), started);
            switch (decision.kind()) {
                case REQUEST, REQUEST_AGAIN -> due.put(entry.product().id(), new Due(entry.product(), decision, last,
                        ImageRequest.Mode.GENERATE));
                case SKIP -> {
                    tally.count(decision);
                    if (!dryRun) {
                        ProductStatus skipped = ProductStatus.skipped(entry.product().id(), decision.reason(),
                                decision.detail(), RequestPublisher.STAGE);
                        skips.status(skipped);
                    }
                }
                case STUCK -> {
                    tally.count(decision);
                    LOG.warnf("Product %d has been %s since %s (request %s), past scan.in-flight-timeout: its records "
                            + "wait in a stage that does not move (is the generator halted, or the uploader or the updater "
                            + "paused?); it is not requested again automatically (POST /products/%d/request-again does)",
                            entry.product().id(), last.get().state(), last.get().at(), last.get().requestId(),
                            entry.product().id());
                }
                default -> tally.count(decision);
            }
            if ((decision.kind() == ScanDecision.Kind.IN_FLIGHT || decision.kind() == ScanDecision.Kind.STUCK)
                    && last.get().state() == State.REQUESTED) {
                inFlight++;
            }
        }
        if (!dryRun) {
            commit(skips);
        }
        List<RequestSelection.Candidate> candidates = due.values().stream()
                .map(d -> new RequestSelection.Candidate(d.product().id(), d.last().isEmpty())).toList();
        // A dry run prices every product due, not the share this scan would take of them.
        List<RequestSelection.Candidate> chosen = dryRun ? candidates.stream().sorted(RequestSelection.FRESH_FIRST).toList()
                : RequestSelection.select(candidates, inFlight, maxInFlight());
        tally.deferred = candidates.size() - chosen.size();
        RequestPublisher.Batch batch = publisher.batch();
        int inBatch = 0;
        for (RequestSelection.Candidate candidate : chosen) {
            Due one = due.get(candidate.productId());
            tally.count(one.decision());
            if (one.mode() == ImageRequest.Mode.RESTYLE) {
                tally.restyles++;
            }
            if (one.mode() == ImageRequest.Mode.RESTYLE || one.product().sourceImageUrl() != null) {
                tally.fromPhotos++;
            }
            if (one.decision().kind() == ScanDecision.Kind.REQUEST_AGAIN) {
                LOG.infof("Product %d was %s (request %s) and has no image now: requesting it again", one.product().id(),
                        one.last().get().state(), one.last().get().requestId());
            }
            if (!dryRun) {
                request(batch, one.product(), one.decision(), one.mode());
                if (++inBatch >= SEND_BATCH) {
                    commit(batch);
                    batch = publisher.batch();
                    inBatch = 0;
                }
            }
        }
        if (!dryRun) {
            commit(batch);
        }
        ScanReport report = new ScanReport(trigger, config.mode().name().toLowerCase().replace('_', '-'), started,
                Instant.now(), tally.seen, tally.missing, tally.requested, tally.inFlight, tally.again, tally.stuck,
                tally.deferred, maxInFlight(), tally.deadLettered, tally.awaitingReview, tally.skipped,
                catalog.total(entries.size()), tally.restyles, tally.fromPhotos);
        if (!dryRun) {
            record(report);
        }
        return report;
    }

    /** A product a request is due for, and what it makes. */
    private record Due(Product product, ScanDecision decision, Optional<ProductStatus> last, ImageRequest.Mode mode) {
    }

    private static void request(RequestPublisher.Batch batch, Product product, ScanDecision decision,
            ImageRequest.Mode mode) {
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), product, decision.attempt(), null,
                ImageRequest.Origin.SCAN, Instant.now(), null, mode == ImageRequest.Mode.RESTYLE ? mode : null);
        batch.request(request, ProductStatus.of(request, State.REQUESTED, null, RequestPublisher.STAGE));
    }

    /**
     * The statuses are remembered before the commit, so their echo cannot come first; an aborted transaction takes them
     * back, and the next scan finds those products as they were.
     */
    private void commit(RequestPublisher.Batch batch) {
        List<ProductStatus> written = batch.statuses();
        written.forEach(statuses::record);
        try {
            batch.commit();
        } catch (RuntimeException e) {
            written.forEach(statuses::retract);
            throw e;
        }
    }

    /** {@code scan.max-in-flight}, or the bound derived from the pooled quota and the scan interval. */
    public int maxInFlight() {
        return config.maxInFlight().orElseGet(() -> RequestSelection.defaultBound(config.quotaPerMinute(),
                config.interval().toMillis(), config.inFlightHeadroom().toMillis()));
    }

    private void record(ScanReport report) {
        // Prometheus wants one set of tag keys per meter name, hence reason "none" where there is no reason.
        metrics.counter("scanner.products", "outcome", "requested", "reason", "none").increment(report.requested());
        metrics.counter("scanner.products", "outcome", "in-flight", "reason", "none").increment(report.alreadyInFlight());
        metrics.counter("scanner.products", "outcome", "deferred", "reason", "none").increment(report.deferred());
        stuck.set(report.stuck());
        report.skipped().forEach((reason, count) ->
                metrics.counter("scanner.products", "outcome", "skipped", "reason", reason.name()).increment(count));
        metrics.timer("scanner.scan.duration", "mode", report.mode())
                .record(Duration.between(report.startedAt(), report.finishedAt()));
        LOG.infof("Scan (%s): %d seen, %d without image, %d requested (%d again, %d restyles), %d left for later scans, %d in flight "
                + "(%d stuck), %d dead-lettered, %d awaiting review, skipped %s", report.trigger(), report.seen(),
                report.missing(), report.requested(), report.requestedAgain(), report.restyles(), report.deferred(), report.alreadyInFlight(),
                report.stuck(), report.deadLettered(), report.awaitingReview(), report.skipped());
    }

    /** The scanner cannot decide yet. */
    public static class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
