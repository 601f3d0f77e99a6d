package com.catalogimage.benchmark;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.dab.CatalogFiller;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses;
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts 3 and 4, the pipeline's own overhead and footprint: a model that answers at once with no limit, and
 * {@code products} products waiting, so what is measured is the four services, Kafka, Azurite and the DAB emulator.
 * Throughput runs from the scan's request to the last product's catalog write. Where the time goes: each stage's own
 * throughput (first to last event it wrote), the time a product spends between two stages, and the CPU each process
 * used. Footprint: each service's start-up (Quarkus's own figure, and until ready with all four starting at once) and
 * its peak RSS at the end of the run.
 */
final class OverheadRun {

    private static final List<State> STAGE_STATES = List.of(State.REQUESTED, State.GENERATED, State.STORED, State.COMPLETED);

    private OverheadRun() {
    }

    static BenchmarkResults.Overhead run(int products, int generatorConcurrency, Path profiles) throws IOException {
        Path folder = Files.createTempDirectory("benchmark-overhead-");
        CatalogFiller.Catalog catalog = CatalogFiller.fill(folder, products, extra -> { });
        System.out.printf("[overhead] %d products without an image, model latency 0, no limit, data in %s%n",
                catalog.withoutImage().size(), folder);
        Instant launched = Instant.now();
        Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
        for (Service service : Service.stages()) {
            Map<String, String> environment = new LinkedHashMap<>();
            if (profiles != null) {
                // Java Flight Recorder's sampling profile of each service, to see where its CPU goes.
                Files.createDirectories(profiles);
                environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + profiles.resolve(service.module + ".jfr").toAbsolutePath());
            }
            environments.put(service, environment);
        }
        environments.get(Service.IMAGE_GENERATOR).put("GENERATOR_CONCURRENCY", String.valueOf(generatorConcurrency));
        environments.get(Service.IMAGE_GENERATOR).put("AZURE_OPENAI_RPM", "1000000");
        try (PipelineRunner runner = BenchPipeline.start(folder, environments)) {
            runner.stack().imageApi().renderOncePerShape(true);
            Map<Service, Double> readyAfter = awaitEachReady(runner, launched);
            Map<Service, StartUp> alone = startEachAlone(runner);

            Map<String, ProcessHandle> processes = processes(runner);
            Map<String, Duration> cpuBefore = new LinkedHashMap<>();
            processes.forEach((name, process) -> cpuBefore.put(name, Figures.cpu(process)));
            Instant scanned = Instant.now();
            JsonNode scan = runner.scanNow();
            Instant scanDone = Instant.now();
            System.out.println("[overhead] scan: " + scan.path("requested").asInt() + " requested in "
                    + Duration.between(scanned, scanDone).toMillis() + " ms");
            if (!runner.awaitDrained(Duration.ofMinutes(30), line -> System.out.println("[overhead] " + line))) {
                throw new IllegalStateException("not drained after 30 min: " + runner.progressLine());
            }
            List<ProductStatus> history = runner.board().history();
            List<Instant> completedTimes = BenchPipeline.times(history, State.COMPLETED);
            Instant lastCompleted = completedTimes.get(completedTimes.size() - 1);
            double seconds = Figures.seconds(Duration.between(scanned, lastCompleted));
            Map<String, Double> cpuSeconds = new LinkedHashMap<>();
            processes.forEach((name, process) -> cpuSeconds.put(name,
                    Figures.seconds(Figures.cpu(process).minus(cpuBefore.get(name)))));

            List<BenchmarkResults.Stage> stages = stages(history, runner, scanned, scanDone);
            List<BenchmarkResults.Footprint> footprint = new ArrayList<>();
            for (Service service : Service.stages()) {
                ProcessHandle process = runner.services().processHandle(service).orElseThrow();
                StartUp startUp = alone.get(service);
                footprint.add(new BenchmarkResults.Footprint(service.module, startUp.togetherQuarkusSeconds(),
                        readyAfter.get(service), startUp.aloneQuarkusSeconds(), startUp.aloneReadySeconds(),
                        Figures.peakRssMib(process).orElse(-1.0), Figures.rssMib(process).orElse(-1.0),
                        jvmOptions(runner, service)));
            }
            Map<State, Integer> events = runner.board().eventsSince();
            int completed = events.getOrDefault(State.COMPLETED, 0);
            BenchmarkResults.Overhead result = new BenchmarkResults.Overhead(catalog.withoutImage().size(), completed,
                    events.getOrDefault(State.SKIPPED, 0), events.getOrDefault(State.DEAD_LETTERED, 0),
                    generatorConcurrency, seconds, completed / seconds, stages, cpuSeconds, footprint);
            System.out.printf("[overhead] %d completed in %.1f s = %.1f products/s%n", completed, seconds,
                    result.productsPerSecond());
            return result;
        } finally {
            BenchmarkResults.deleteQuietly(folder);
        }
    }

    private static String jvmOptions(PipelineRunner runner, Service service) {
        String extra = runner.services().variable(service, ServiceProcesses.JAVA_OPTIONS);
        String own = String.join(" ", ServiceProcesses.jvmOptions(service));
        return extra == null || extra.isBlank() ? own : own + " " + extra.strip();
    }

    /** Seconds from launching the processes until each answered ready (all four start at once, as ./pipeline does). */
    private static Map<Service, Double> awaitEachReady(PipelineRunner runner, Instant launched) {
        Map<Service, Double> ready = new EnumMap<>(Service.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (ready.size() < Service.stages().size()) {
            for (Service service : Service.stages()) {
                if (!ready.containsKey(service) && runner.services().isReady(service)) {
                    ready.put(service, Figures.seconds(Duration.between(launched, Instant.now())));
                }
            }
            if (System.nanoTime() > deadline) {
                runner.services().awaitReady(Duration.ZERO); // fails naming the service and its log
            }
            BenchPipeline.pause(Duration.ofMillis(100));
        }
        return ready;
    }

    /** Quarkus's "started in" of the all-at-once launch, then of the launch alone, and seconds from that to ready. */
    private record StartUp(double togetherQuarkusSeconds, double aloneQuarkusSeconds, double aloneReadySeconds) {
    }

    /**
     * Each stage stopped and started again on its own while the others idle, before the scan (so with the topics
     * nearly empty): start-up with the machine to itself, as a replica starting in a cluster. Per service: Quarkus's
     * "started in" of the first launch (all four at once), then that of the start alone and seconds from the launch
     * alone to ready. The process started here is the one the run measures.
     */
    private static Map<Service, StartUp> startEachAlone(PipelineRunner runner) {
        Map<Service, StartUp> alone = new EnumMap<>(Service.class);
        for (Service service : Service.stages()) {
            double together = Figures.quarkusStartSeconds(runner.services().logFile(service)).orElse(-1.0);
            runner.services().stopReplica(service, 0);
            Instant launched = Instant.now();
            runner.services().start(service);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!runner.services().isReady(service)) {
                if (System.nanoTime() > deadline) {
                    runner.services().awaitReady(Duration.ZERO); // fails naming the service and its log
                }
                BenchPipeline.pause(Duration.ofMillis(20));
            }
            double ready = Figures.seconds(Duration.between(launched, Instant.now()));
            double quarkus = Figures.quarkusStartSeconds(runner.services().logFile(service)).orElse(-1.0);
            System.out.printf("[overhead] %s started alone: Quarkus %.2f s, ready %.2f s after launch%n", service.module,
                    quarkus, ready);
            alone.put(service, new StartUp(together, quarkus, ready));
        }
        return alone;
    }

    /** The processes that do the work: four services, Azurite, and this JVM (Kafka, the DAB and image emulators). */
    private static Map<String, ProcessHandle> processes(PipelineRunner runner) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        for (Service service : Service.stages()) {
            runner.services().processHandle(service).ifPresent(process -> processes.put(service.module, process));
        }
        runner.stack().azurite().processHandle().ifPresent(process -> processes.put("azurite (node)", process));
        processes.put("local stack JVM (Kafka broker, DAB and image-API emulators, this benchmark)", ProcessHandle.current());
        return processes;
    }

    /**
     * Per stage: when it wrote its first and last status, its own rate over that span, and the time products spent
     * reaching it from the previous stage (queueing included: with a backlog, a slow stage shows up here).
     */
    private static List<BenchmarkResults.Stage> stages(List<ProductStatus> history, PipelineRunner runner,
            Instant scanned, Instant scanDone) {
        Map<Long, Map<State, Instant>> timelines = BenchPipeline.timelines(history);
        List<BenchmarkResults.Stage> stages = new ArrayList<>();
        String[] names = {"product-scanner (scan, REQUESTED)", "image-generator (GENERATED)", "blob-uploader (STORED)",
                "catalog-updater (COMPLETED)"};
        for (int i = 0; i < STAGE_STATES.size(); i++) {
            State state = STAGE_STATES.get(i);
            List<Instant> times = BenchPipeline.times(history, state);
            if (times.isEmpty()) {
                continue;
            }
            Instant first = times.get(0);
            Instant last = times.get(times.size() - 1);
            double span = Math.max(0.001, Figures.seconds(Duration.between(first, last)));
            List<Duration> waits = new ArrayList<>();
            if (i > 0) {
                State previous = STAGE_STATES.get(i - 1);
                timelines.values().forEach(timeline -> {
                    if (timeline.containsKey(previous) && timeline.containsKey(state)) {
                        waits.add(Duration.between(timeline.get(previous), timeline.get(state)));
                    }
                });
            }
            stages.add(new BenchmarkResults.Stage(names[i], times.size(),
                    Figures.seconds(Duration.between(scanned, first)), Figures.seconds(Duration.between(scanned, last)),
                    times.size() / span, Figures.percentileMillis(waits, 50), Figures.percentileMillis(waits, 95)));
        }
        return stages;
    }
}
