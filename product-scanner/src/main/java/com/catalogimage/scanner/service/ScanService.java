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

    public ScanService(CatalogReader catalog, StatusStore statuses, InputHygiene hygiene, RequestPublisher publisher,
            ScannerConfig config, MeterRegistry metrics) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.hygiene = hygiene;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
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

        Tally tally = new Tally();
        List<Uni<Void>> sends = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            tally.seen++;
            if (entry.hasImage()) {
                continue;
            }
            tally.missing++;
            Decision decision = decide(entry.product(), Optional.ofNullable(known.get(entry.product().id())),
                    firstWithFingerprint);
            tally.count(decision);
            if (!dryRun && decision.emits()) {
                sends.add(emit(entry.product(), decision));
                if (sends.size() >= SEND_BATCH) {
                    await(sends);
                }
            }
        }
        await(sends);
        ScanReport report = new ScanReport(trigger, config.mode().name().toLowerCase().replace('_', '-'), started,
                Instant.now(), tally.seen, tally.missing, tally.requested, tally.inFlight, tally.again, tally.deadLettered,
                tally.skipped);
        if (!dryRun) {
            record(report);
        }
        return report;
    }

    private Decision decide(Product product, Optional<ProductStatus> last, Map<String, Long> firstWithFingerprint) {
        int attempt = last.map(status -> status.attempt() + 1).orElse(1);
        if (last.isPresent()) {
            ProductStatus status = last.get();
            switch (status.state()) {
                case REQUESTED, GENERATED, STORED, UNKNOWN -> {
                    Duration age = Duration.between(status.at(), Instant.now());
                    if (status.state() == State.UNKNOWN || age.compareTo(config.inFlightTimeout()) < 0) {
                        return Decision.inFlight();
                    }
                    LOG.warnf("Product %d has been %s for %d min (request %s): requesting it again",
                            product.id(), status.state(), age.toMinutes(), status.requestId());
                    return Decision.requestAgain(attempt);
                }
                case COMPLETED -> {
                    LOG.infof("Product %d had an image (request %s) and has none now: requesting a new one",
                            product.id(), status.requestId());
                    return Decision.requestAgain(attempt);
                }
                case SKIPPED -> {
                    if (status.reason() == ReasonCode.ALREADY_HAS_IMAGE) {
                        return Decision.requestAgain(attempt); // someone set an image, then cleared it
                    }
                    return Decision.skippedBefore(status.reason());
                }
                case DEAD_LETTERED -> {
                    return Decision.deadLettered();
                }
                default -> throw new IllegalStateException("unhandled state " + status.state());
            }
        }
        Optional<ReasonCode> problem = hygiene.problem(product);
        if (problem.isPresent()) {
            return Decision.skip(problem.get(), "description: \"" + abbreviate(product.description()) + "\"");
        }
        long first = firstWithFingerprint.get(hygiene.fingerprint(product));
        if (first != product.id()) {
            return Decision.skip(ReasonCode.DUPLICATE, "same name and description as product " + first);
        }
        return Decision.request(attempt);
    }

    private Uni<Void> emit(Product product, Decision decision) {
        if (decision.kind == Decision.Kind.SKIP) {
            ProductStatus skipped = ProductStatus.skipped(product.id(), decision.reason, decision.detail, RequestPublisher.STAGE);
            statuses.record(skipped);
            return publisher.status(skipped);
        }
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), product, decision.attempt, null,
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
        report.skipped().forEach((reason, count) ->
                metrics.counter("scanner.products", "outcome", "skipped", "reason", reason.name()).increment(count));
        metrics.timer("scanner.scan.duration", "mode", report.mode())
                .record(Duration.between(report.startedAt(), report.finishedAt()));
        LOG.infof("Scan (%s): %d seen, %d without image, %d requested (%d again), %d in flight, %d dead-lettered, skipped %s",
                report.trigger(), report.seen(), report.missing(), report.requested(), report.requestedAgain(),
                report.alreadyInFlight(), report.deadLettered(), report.skipped());
    }

    private static String abbreviate(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** The scanner cannot decide yet. */
    public static class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }

    private record Decision(Kind kind, int attempt, ReasonCode reason, String detail) {
        enum Kind { REQUEST, REQUEST_AGAIN, IN_FLIGHT, SKIP, SKIPPED_BEFORE, DEAD_LETTERED }

        static Decision request(int attempt) {
            return new Decision(Kind.REQUEST, attempt, null, null);
        }

        static Decision requestAgain(int attempt) {
            return new Decision(Kind.REQUEST_AGAIN, attempt, null, null);
        }

        static Decision inFlight() {
            return new Decision(Kind.IN_FLIGHT, 0, null, null);
        }

        static Decision skip(ReasonCode reason, String detail) {
            return new Decision(Kind.SKIP, 0, reason, detail);
        }

        static Decision skippedBefore(ReasonCode reason) {
            return new Decision(Kind.SKIPPED_BEFORE, 0, reason, null);
        }

        static Decision deadLettered() {
            return new Decision(Kind.DEAD_LETTERED, 0, null, null);
        }

        boolean emits() {
            return kind == Kind.REQUEST || kind == Kind.REQUEST_AGAIN || kind == Kind.SKIP;
        }
    }

    private static final class Tally {
        int seen;
        int missing;
        int requested;
        int again;
        int inFlight;
        int deadLettered;
        final Map<ReasonCode, Integer> skipped = new EnumMap<>(ReasonCode.class);

        void count(Decision decision) {
            switch (decision.kind()) {
                case REQUEST -> requested++;
                case REQUEST_AGAIN -> {
                    requested++;
                    again++;
                }
                case IN_FLIGHT -> inFlight++;
                case SKIP, SKIPPED_BEFORE -> skipped.merge(decision.reason(), 1, Integer::sum);
                case DEAD_LETTERED -> deadLettered++;
            }
        }
    }
}
