package com.catalogimage.benchmark;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.dab.CatalogFiller;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Part 1, quota utilisation: a backlog larger than the quota can serve in the run, image calls that take the model's
 * realistic time, and deployments limited to {@code rpm} requests per minute each; the pipeline should keep every
 * deployment at its limit without being throttled. Measured in steady state: from {@code warmup} after the scan (the
 * generator's limiter starts with a sixth of a minute's permits, which would flatter the figure) for {@code window}.
 */
final class QuotaRun {

    /** Calls in flight needed per deployment: rpm/60 per second x the longest call (latency + jitter), plus room. */
    static int concurrencyFor(int deployments, int rpm, Duration latency, Duration jitter) {
        double longest = Figures.seconds(latency.plus(jitter));
        return deployments * (int) Math.ceil(rpm / 60.0 * longest * 1.2 + 1);
    }

    static BenchmarkResults.Quota run(int deployments, int rpm, Duration latency, Duration jitter, Duration warmup,
            Duration window) throws IOException {
        int limit = deployments * rpm;
        // Enough for the whole measurement and more: the backlog must never run dry inside the window.
        int products = (int) Math.ceil(limit * Figures.seconds(warmup.plus(window).plusSeconds(60)) / 60.0);
        int concurrency = concurrencyFor(deployments, rpm, latency, jitter);
        List<String> names = IntStream.range(0, deployments).mapToObj(i -> "bench-" + (char) ('a' + i)).toList();
        Path folder = Files.createTempDirectory("benchmark-quota-" + deployments + "-");
        CatalogFiller.fill(folder, products, extra -> { });

        Map<String, String> generator = new HashMap<>();
        generator.put("GENERATOR_CONCURRENCY", String.valueOf(concurrency));
        generator.put("AZURE_OPENAI_RPM", String.valueOf(rpm));
        generator.put("AZURE_OPENAI_DEPLOYMENT", names.get(0));
        if (deployments > 1) {
            // Pool members are map keys of generator.deployments; system properties name them without ambiguity.
            generator.put("JAVA_TOOL_OPTIONS", names.stream()
                    .map(name -> "-Dgenerator.deployments." + name + ".deployment=" + name)
                    .collect(Collectors.joining(" ")));
        }
        String label = deployments + " deployment" + (deployments == 1 ? "" : "s") + " x " + rpm + "/min";
        System.out.printf("[quota %s] %d products, latency %d s ± %d s, GENERATOR_CONCURRENCY=%d, data in %s%n", label,
                products, latency.toSeconds(), jitter.toSeconds(), concurrency, folder);
        try (PipelineRunner runner = BenchPipeline.start(folder, Map.of(Service.IMAGE_GENERATOR, generator))) {
            ImageApiEmulator api = runner.stack().imageApi();
            names.forEach(name -> api.addDeployment(new ImageApiEmulator.Deployment(name, "gpt-image-2", rpm, false)));
            api.configure(ImageApiEmulator.Config.change().withLatency(latency).withJitter(jitter));
            runner.services().awaitReady(Duration.ofMinutes(3));
            Instant scanned = Instant.now();
            runner.scanNow();
            Instant from = scanned.plus(warmup);
            Instant to = from.plus(window);
            while (Instant.now().isBefore(to.plusSeconds(15))) { // + the slowest call's status, still on its way
                System.out.println("[quota " + label + "] " + runner.progressLine());
                BenchPipeline.pause(Duration.ofSeconds(15));
            }
            List<ProductStatus> history = runner.board().history();
            long inWindow = BenchPipeline.times(history, State.GENERATED).stream()
                    .filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
            double perMinute = inWindow / (Figures.seconds(window) / 60.0);
            long throttled = names.stream().mapToLong(name -> api.stats().throttled(name)).sum();
            List<Duration> endToEnd = new ArrayList<>();
            List<Duration> afterModel = new ArrayList<>();
            BenchPipeline.timelines(history).values().forEach(timeline -> {
                Instant completed = timeline.get(State.COMPLETED);
                if (completed != null && timeline.containsKey(State.REQUESTED) && timeline.containsKey(State.GENERATED)) {
                    endToEnd.add(Duration.between(timeline.get(State.REQUESTED), completed));
                    afterModel.add(Duration.between(timeline.get(State.GENERATED), completed));
                }
            });
            BenchmarkResults.Quota result = new BenchmarkResults.Quota(deployments, rpm, limit, concurrency, products,
                    Figures.seconds(window), inWindow, perMinute, perMinute / limit, throttled, endToEnd.size(),
                    Figures.percentileMillis(endToEnd, 50), Figures.percentileMillis(endToEnd, 95),
                    Figures.percentileMillis(afterModel, 50), Figures.percentileMillis(afterModel, 95));
            System.out.printf("[quota %s] %.2f images/min in steady state = %.3f of the limit; %d answers 429%n", label,
                    perMinute, result.utilisation(), throttled);
            return result;
        } finally {
            BenchmarkResults.deleteQuietly(folder);
        }
    }

    private QuotaRun() {
    }
}
