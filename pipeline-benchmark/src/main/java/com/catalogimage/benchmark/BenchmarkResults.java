package com.catalogimage.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What a benchmark run measured, as JSON and as the Markdown tables of docs/benchmarks.md. */
final class BenchmarkResults {

    static final String BEGIN = "<!-- benchmark results: written by ./benchmark, edits here are replaced -->";
    static final String END = "<!-- end of benchmark results -->";

    /** Part 1, one pool size. Latencies in ms; end to end = REQUESTED to COMPLETED, after model = GENERATED to COMPLETED. */
    record Quota(int deployments, int rpmEach, int limitPerMinute, int generatorConcurrency, int products,
            double windowSeconds, long imagesInWindow, double imagesPerMinute, double utilisation, long throttled,
            int completed, long endToEndP50Ms, long endToEndP95Ms, long afterModelP50Ms, long afterModelP95Ms) {
    }

    /** Part 2: the seed's loop. */
    record Sequential(int products, int errors, double seconds, double imagesPerMinute, long perProductP50Ms,
            long perProductP95Ms) {
    }

    /** Part 3, one stage: its statuses, first and last (s after the scan), its rate, the wait since the previous stage. */
    record Stage(String stage, int events, double firstAtSeconds, double lastAtSeconds, double perSecond, long waitP50Ms,
            long waitP95Ms) {
    }

    /**
     * Part 4, one service: Quarkus's "started in" and seconds from launch to ready, all four launched at once and then
     * this one alone (the others idle); peak and final RSS through the overhead run; the JVM options it ran with.
     */
    record Footprint(String service, double quarkusStartSeconds, double readySeconds, double aloneQuarkusStartSeconds,
            double aloneReadySeconds, double peakRssMib, double rssAtEndMib, String jvmOptions) {
    }

    /** Part 3. */
    record Overhead(int products, int completed, int skipped, int deadLettered, int generatorConcurrency, double seconds,
            double productsPerSecond, List<Stage> stages, Map<String, Double> cpuSeconds, List<Footprint> footprint) {
    }

    /**
     * Part 5: fresh products behind a backlog, scans every {@code scanIntervalSeconds} with the requests in flight
     * bounded; latencies in ms from a product's insertion into the catalog to its COMPLETED status.
     */
    record Fresh(int backlog, int rpm, int generatorConcurrency, double scanIntervalSeconds, int maxInFlight,
            double windowSeconds, long imagesInWindow, double imagesPerMinute, double utilisation, long throttled,
            int freshInserted, int freshCompleted, long freshP50Ms, long freshP95Ms, long freshMaxMs) {
    }

    /**
     * Part 6: the operator console with {@code products} products in its status memory and one image each in storage;
     * GET times in ms, each from sending to the page's last byte, after {@code warmup} uncounted ones; start-up in s
     * after launch (ready: the status topic read to its end; gallery: the blob index lists every image).
     */
    record Console(int products, int statuses, int images, int warmup, int measured, long targetMs, long overviewP50Ms,
            long overviewP95Ms, long overviewMaxMs, long galleryP50Ms, long galleryP95Ms, long galleryMaxMs,
            double quarkusStartSeconds, double readySeconds, double galleryListedSeconds, double peakRssMib) {
    }

    record Machine(String cpu, int cores, long memoryMib, String os, String java) {
        static Machine current() {
            return new Machine(procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                    Runtime.getRuntime().availableProcessors(),
                    procLine("/proc/meminfo", "MemTotal").map(v -> Long.parseLong(v.replace("kB", "").strip()) / 1024)
                            .orElse(-1L),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        }

        private static Optional<String> procLine(String file, String key) {
            try (Stream<String> lines = Files.lines(Path.of(file))) {
                return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** One run; parts not run are null. */
    record Run(Instant at, String command, Machine machine, double wallMinutes, String modelLatency, List<Quota> quota,
            Sequential sequential, Overhead overhead, Fresh fresh, Console console) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkResults() {
    }

    static void writeJson(Run run, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the results section of the Markdown file (between the markers), keeping the text around it. */
    static void writeMarkdown(Run run, Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                text = text + "\n" + BEGIN + "\n" + END + "\n";
                begin = text.indexOf(BEGIN);
                end = text.indexOf(END);
            }
            Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + render(run) + text.substring(end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Run run) {
        StringBuilder out = new StringBuilder();
        Machine machine = run.machine();
        out.append(String.format(Locale.ROOT, "Latest run: %s, `%s`, %.1f min wall.%n%n", run.at(), run.command(),
                run.wallMinutes()));
        out.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %d MiB, %s, %s.%n%n", machine.cpu(), machine.cores(),
                machine.memoryMib(), machine.os(), machine.java()));
        if (run.quota() != null && !run.quota().isEmpty()) {
            out.append("### 1. Quota utilisation (model latency ").append(run.modelLatency()).append(")\n\n");
            out.append("| deployments x limit | GENERATOR_CONCURRENCY | steady-state window | images/min | ÷ sum of limits |"
                    + " 429s | completed | end to end p50 / p95 (s) | after the model p50 / p95 (s) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Quota q : run.quota()) {
                out.append(String.format(Locale.ROOT, "| %d x %d/min | %d | %.0f s | %.2f | **%.3f** | %d | %d | %.1f / %.1f | %.2f / %.2f |%n",
                        q.deployments(), q.rpmEach(), q.generatorConcurrency(), q.windowSeconds(), q.imagesPerMinute(),
                        q.utilisation(), q.throttled(), q.completed(), q.endToEndP50Ms() / 1000.0,
                        q.endToEndP95Ms() / 1000.0, q.afterModelP50Ms() / 1000.0, q.afterModelP95Ms() / 1000.0));
            }
            out.append('\n');
        }
        if (run.sequential() != null) {
            Sequential s = run.sequential();
            out.append("### 2. The seed's one-at-a-time loop, same emulator settings\n\n");
            out.append("| products | errors | seconds | images/min | per product p50 / p95 (s) |");
            if (run.quota() != null) {
                run.quota().forEach(q -> out.append(" pipeline ÷ sequential, ").append(q.deployments()).append(" deployment")
                        .append(q.deployments() == 1 ? "" : "s").append(" |"));
            }
            out.append("\n|---:|---:|---:|---:|---:|");
            if (run.quota() != null) {
                run.quota().forEach(q -> out.append("---:|"));
            }
            out.append(String.format(Locale.ROOT, "%n| %d | %d | %.0f | %.2f | %.1f / %.1f |", s.products(), s.errors(),
                    s.seconds(), s.imagesPerMinute(), s.perProductP50Ms() / 1000.0, s.perProductP95Ms() / 1000.0));
            if (run.quota() != null) {
                run.quota().forEach(q -> out.append(String.format(Locale.ROOT, " **%.1f** |",
                        q.imagesPerMinute() / s.imagesPerMinute())));
            }
            out.append("\n\n");
        }
        if (run.overhead() != null) {
            Overhead o = run.overhead();
            out.append("### 3. Pipeline overhead (model latency 0, no limit)\n\n");
            out.append(String.format(Locale.ROOT, "%d products without an image: %d completed, %d skipped, %d dead-lettered"
                    + " in %.1f s from the scan to the last catalog write: **%.1f products/s** end to end"
                    + " (GENERATOR_CONCURRENCY=%d).%n%n", o.products(), o.completed(), o.skipped(), o.deadLettered(),
                    o.seconds(), o.productsPerSecond(), o.generatorConcurrency()));
            out.append("| stage | statuses | first (s) | last (s) | own rate (/s) | wait since previous stage p50 / p95 (ms) |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            for (Stage stage : o.stages()) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d / %d |%n", stage.stage(),
                        stage.events(), stage.firstAtSeconds(), stage.lastAtSeconds(), stage.perSecond(),
                        stage.waitP50Ms(), stage.waitP95Ms()));
            }
            out.append("\n| process | CPU seconds during the run | CPU ms per product |\n|---|---:|---:|\n");
            o.cpuSeconds().forEach((process, cpu) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |%n",
                    process, cpu, o.completed() == 0 ? 0 : cpu * 1000 / o.completed())));
            out.append("\n### 4. Footprint (JVM mode; all four started at once, then each alone)\n\n");
            out.append("| service | all at once: Quarkus start / ready after launch (s) | alone: Quarkus start / ready"
                    + " after launch (s) | peak RSS (MiB) | RSS at the end (MiB) | JVM options |\n");
            out.append("|---|---:|---:|---:|---:|---|\n");
            for (Footprint f : o.footprint()) {
                out.append(String.format(Locale.ROOT, "| %s | %.2f / %.1f | %.2f / **%.2f** | **%.0f** | %.0f | `%s` |%n",
                        f.service(), f.quarkusStartSeconds(), f.readySeconds(), f.aloneQuarkusStartSeconds(),
                        f.aloneReadySeconds(), f.peakRssMib(), f.rssAtEndMib(), f.jvmOptions()));
            }
            out.append('\n');
        }
        if (run.fresh() != null) {
            Fresh f = run.fresh();
            out.append("### 5. Fresh products first (model latency ").append(run.modelLatency()).append(")\n\n");
            out.append("| backlog | limit | scan interval | max in flight | steady-state window | backlog images/min |"
                    + " ÷ limit | 429s | fresh inserted / completed | fresh: insertion to COMPLETED p50 / p95 / max (s) |\n");
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            out.append(String.format(Locale.ROOT, "| %d | %d/min | %.0f s | %d | %.0f s | %.2f | **%.3f** | %d | %d / %d |"
                    + " %.1f / **%.1f** / %.1f |%n", f.backlog(), f.rpm(), f.scanIntervalSeconds(), f.maxInFlight(),
                    f.windowSeconds(), f.imagesPerMinute(), f.utilisation(), f.throttled(), f.freshInserted(),
                    f.freshCompleted(), f.freshP50Ms() / 1000.0, f.freshP95Ms() / 1000.0, f.freshMaxMs() / 1000.0));
            out.append('\n');
        }
        if (run.console() != null) {
            out.append(renderConsole(run.console())).append('\n');
        }
        return out.toString();
    }

    static String renderConsole(Console c) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### 6. Operator console (%d products, %d statuses, %d images with"
                + " thumbnails; %d warm-up + %d measured GETs each, one at a time)%n%n", c.products(), c.statuses(),
                c.images(), c.warmup(), c.measured()));
        out.append("| page | p50 (ms) | p95 (ms) | max (ms) | target |\n|---|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| `GET /` (overview) | %d | **%d** | %d | ≤ %d ms |%n", c.overviewP50Ms(),
                c.overviewP95Ms(), c.overviewMaxMs(), c.targetMs()));
        out.append(String.format(Locale.ROOT, "| `GET /gallery` (first page, 60 cards) | %d | **%d** | %d | ≤ %d ms |%n",
                c.galleryP50Ms(), c.galleryP95Ms(), c.galleryMaxMs(), c.targetMs()));
        out.append("\n| Quarkus start (s) | ready after launch (s) | gallery complete after launch (s) | peak RSS (MiB) |\n");
        out.append("|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| %.2f | %.1f | %.1f | %.0f |%n", c.quarkusStartSeconds(),
                c.readySeconds(), c.galleryListedSeconds(), c.peakRssMib()));
        return out.toString();
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
