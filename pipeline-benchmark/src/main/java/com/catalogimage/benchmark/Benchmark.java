package com.catalogimage.benchmark;

import com.catalogimage.runner.PipelineRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./benchmark}: the parts of the benchmark on the local stack, with the four services as separate processes, and
 * the operator console alone over a seeded status memory and storage ({@link ConsoleRun}).
 * Prints the tables; a run of every part also writes them to docs/benchmarks.md and docs/benchmarks.json.
 */
public final class Benchmark {

    static final String USAGE = """
            Usage: ./benchmark [--only quota,sequential,overhead,fresh,console] [--products N] [--window SECONDS] [--rpm R] [--profile]

              --only       parts to run (default: all; overhead includes the footprint; fresh: new products
                           added behind a 5,000-product backlog, scans every 10 s, about 8 minutes; console:
                           the operator console's overview and gallery with 5,000 products, under a minute)
              --products   products for the overhead part (default 5000)
              --window     steady-state window of each quota run, after a 60 s warm-up (default 180)
              --rpm        requests per minute of each emulated deployment (default 60)
              --profile    record each service with Java Flight Recorder in the overhead part
                           (pipeline-benchmark/target/benchmarks/<service>.jfr; `jfr print` reads them)

            A run of all parts (about 20 minutes on 2 cores) rewrites docs/benchmarks.md and docs/benchmarks.json;
            a partial run prints its tables and writes target/benchmarks/latest.json only.""";

    static final Duration LATENCY = Duration.ofSeconds(8);
    static final Duration JITTER = Duration.ofSeconds(2);
    static final Duration WARMUP = Duration.ofSeconds(60);
    static final Duration SEQUENTIAL_BUDGET = Duration.ofSeconds(120);
    static final int OVERHEAD_CONCURRENCY = 16;
    static final int FRESH_BACKLOG = 5000;
    static final Duration FRESH_SCAN_INTERVAL = Duration.ofSeconds(10);
    static final Duration FRESH_EVERY = Duration.ofSeconds(10);
    static final int CONSOLE_PRODUCTS = 5000;
    static final int CONSOLE_WARMUP = 10;
    static final int CONSOLE_MEASURED = 50;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = new LinkedHashSet<>(List.of("quota", "sequential", "overhead", "fresh", "console"));
        int products = 5000;
        Duration window = Duration.ofSeconds(180);
        int rpm = 60;
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--only" -> {
                    parts = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                    i++;
                }
                case "--products" -> {
                    products = Integer.parseInt(value);
                    i++;
                }
                case "--window" -> {
                    window = Duration.ofSeconds(Long.parseLong(value));
                    i++;
                }
                case "--rpm" -> {
                    rpm = Integer.parseInt(value);
                    i++;
                }
                case "--profile" -> profile = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + "\n\n" + USAGE);
                    System.exit(64);
                }
            }
        }
        Instant started = Instant.now();
        List<BenchmarkResults.Quota> quota = null;
        BenchmarkResults.Sequential sequential = null;
        BenchmarkResults.Overhead overhead = null;
        if (parts.contains("quota")) {
            quota = new ArrayList<>();
            for (int deployments : List.of(1, 3)) {
                quota.add(QuotaRun.run(deployments, rpm, LATENCY, JITTER, WARMUP, window));
            }
        }
        if (parts.contains("sequential")) {
            sequential = SeedLoop.run(rpm, LATENCY, JITTER, SEQUENTIAL_BUDGET);
        }
        if (parts.contains("overhead")) {
            overhead = OverheadRun.run(products, OVERHEAD_CONCURRENCY, profile
                    ? PipelineRunner.repository().resolve("pipeline-benchmark/target/benchmarks") : null);
        }
        BenchmarkResults.Fresh fresh = null;
        if (parts.contains("fresh")) {
            fresh = FreshRun.run(FRESH_BACKLOG, rpm, LATENCY, JITTER, FRESH_SCAN_INTERVAL, WARMUP, window,
                    FRESH_EVERY);
        }
        BenchmarkResults.Console console = null;
        if (parts.contains("console")) {
            console = ConsoleRun.run(CONSOLE_PRODUCTS, CONSOLE_WARMUP, CONSOLE_MEASURED);
        }
        boolean complete = quota != null && sequential != null && overhead != null;
        String command = "./benchmark" + (args.length == 0 ? "" : " " + String.join(" ", args));
        BenchmarkResults.Run run = new BenchmarkResults.Run(started.truncatedTo(ChronoUnit.SECONDS), command,
                BenchmarkResults.Machine.current(), Duration.between(started, Instant.now()).toSeconds() / 60.0,
                LATENCY.toSeconds() + " s ± " + JITTER.toSeconds() + " s", quota, sequential, overhead, fresh, console);
        System.out.println();
        System.out.println(BenchmarkResults.render(run));
        Path repository = PipelineRunner.repository();
        BenchmarkResults.writeJson(run, repository.resolve("pipeline-benchmark/target/benchmarks/latest.json"));
        if (complete) {
            BenchmarkResults.writeJson(run, repository.resolve("docs/benchmarks.json"));
            BenchmarkResults.writeMarkdown(run, repository.resolve("docs/benchmarks.md"));
            System.out.println("Written to docs/benchmarks.md and docs/benchmarks.json");
        }
        System.exit(0); // the Kafka clients' and HTTP clients' threads would keep the JVM alive a while
    }
}
