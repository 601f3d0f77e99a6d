package com.catalogimage.benchmark;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.dab.CatalogFiller;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 5, fresh products first (decision 0015): a backlog far larger than the quota serves in the run, one deployment
 * at {@code rpm}, the model's realistic latency, and the scanner as it runs in production: scheduled scans every
 * {@code interval}, the requests in flight bounded by what it derives from the quota. While the backlog drains, a new
 * product is added to the catalog every {@code every}; each one's latency is from its insertion (this host's clock) to
 * its COMPLETED status. The backlog's rate is measured as in part 1, GENERATED statuses in a steady-state window.
 */
final class FreshRun {

    private FreshRun() {
    }

    static BenchmarkResults.Fresh run(int backlog, int rpm, Duration latency, Duration jitter, Duration interval,
            Duration warmup, Duration window, Duration every) throws IOException {
        int concurrency = QuotaRun.concurrencyFor(1, rpm, latency, jitter);
        Path folder = Files.createTempDirectory("benchmark-fresh-");
        CatalogFiller.fill(folder, backlog, extra -> { });
        Map<String, String> generator = new HashMap<>();
        generator.put("GENERATOR_CONCURRENCY", String.valueOf(concurrency));
        generator.put("AZURE_OPENAI_RPM", String.valueOf(rpm));
        generator.put("AZURE_OPENAI_DEPLOYMENT", "bench-a");
        Map<String, String> scanner = new HashMap<>();
        scanner.put("SCAN_QUOTA_PER_MINUTE", String.valueOf(rpm));
        scanner.put("SCAN_FIRST_DELAY", "1s");
        Map<Service, Map<String, String>> services = new EnumMap<>(Service.class);
        services.put(Service.IMAGE_GENERATOR, generator);
        services.put(Service.PRODUCT_SCANNER, scanner);
        System.out.printf("[fresh] backlog %d, 1 deployment x %d/min, latency %d s ± %d s, scans every %d s, "
                        + "GENERATOR_CONCURRENCY=%d, data in %s%n", backlog, rpm, latency.toSeconds(), jitter.toSeconds(),
                interval.toSeconds(), concurrency, folder);
        try (PipelineRunner runner = BenchPipeline.start(folder, services, interval)) {
            ImageApiEmulator api = runner.stack().imageApi();
            api.addDeployment(new ImageApiEmulator.Deployment("bench-a", "gpt-image-2", rpm, false));
            api.configure(ImageApiEmulator.Config.change().withLatency(latency).withJitter(jitter));
            runner.services().awaitReady(Duration.ofMinutes(3));
            Instant started = Instant.now();
            Instant from = started.plus(warmup);
            Instant to = from.plus(window);
            Map<Long, Instant> inserted = new LinkedHashMap<>();
            Instant next = from;
            int n = 0;
            while (Instant.now().isBefore(to)) {
                if (!Instant.now().isBefore(next)) {
                    n++;
                    long id = runner.stack().dab().insertProduct("Fresh Enamel Mug " + n + " " + started.toEpochMilli(),
                            "A speckled enamel camping mug number " + n + " with a rolled steel rim, 350 ml.", 3,
                            "fresh", new BigDecimal("12.50"), "");
                    inserted.put(id, Instant.now());
                    next = next.plus(every);
                }
                BenchPipeline.pause(Duration.ofSeconds(1));
                if (n % 6 == 0 && Instant.now().getEpochSecond() % 15 == 0) {
                    System.out.println("[fresh] " + runner.progressLine() + ", " + inserted.size() + " fresh inserted");
                }
            }
            // The last fresh products get the time the p95 target allows them, and more.
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && !allCompleted(runner, inserted)) {
                BenchPipeline.pause(Duration.ofSeconds(2));
            }
            List<ProductStatus> history = runner.board().history();
            long inWindow = BenchPipeline.times(history, State.GENERATED).stream()
                    .filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
            double perMinute = inWindow / (Figures.seconds(window) / 60.0);
            Map<Long, Map<State, Instant>> timelines = BenchPipeline.timelines(history);
            List<Duration> fresh = new ArrayList<>();
            inserted.forEach((id, at) -> {
                Instant completed = timelines.getOrDefault(id, Map.of()).get(State.COMPLETED);
                if (completed != null) {
                    fresh.add(Duration.between(at, completed));
                }
            });
            long throttled = api.stats().throttled("bench-a");
            JsonReport last = JsonReport.of(runner);
            BenchmarkResults.Fresh result = new BenchmarkResults.Fresh(backlog, rpm, concurrency,
                    Figures.seconds(interval), last.maxInFlight, Figures.seconds(window), inWindow, perMinute,
                    perMinute / rpm, throttled, inserted.size(), fresh.size(), Figures.percentileMillis(fresh, 50),
                    Figures.percentileMillis(fresh, 95), Figures.percentileMillis(fresh, 100));
            System.out.printf("[fresh] backlog at %.2f images/min = %.3f of the limit; %d of %d fresh products completed,"
                            + " p50 %.1f s, p95 %.1f s, max %.1f s; %d answers 429%n", perMinute, result.utilisation(),
                    fresh.size(), inserted.size(), result.freshP50Ms() / 1000.0, result.freshP95Ms() / 1000.0,
                    result.freshMaxMs() / 1000.0, throttled);
            return result;
        } finally {
            BenchmarkResults.deleteQuietly(folder);
        }
    }

    private static boolean allCompleted(PipelineRunner runner, Map<Long, Instant> inserted) {
        Map<Long, ProductStatus> latest = runner.board().latest();
        return inserted.keySet().stream().allMatch(id -> latest.containsKey(id) && latest.get(id).state() == State.COMPLETED);
    }

    /** The bound the scanner applied: requested plus in flight of a scan never exceeds it; read from its last report. */
    private record JsonReport(int maxInFlight) {
        static JsonReport of(PipelineRunner runner) {
            var report = runner.operator("GET", "/scans/latest", null, 200);
            return new JsonReport(report.path("maxInFlight").asInt(-1));
        }
    }
}
