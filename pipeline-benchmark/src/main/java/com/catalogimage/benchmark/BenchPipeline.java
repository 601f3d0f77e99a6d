package com.catalogimage.benchmark;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole pipeline for one benchmark part: the local stack in this JVM and the four packaged services as separate
 * processes ({@link PipelineRunner}, as {@code ./pipeline} runs them), with no scheduled scan: the part asks for the one
 * scan that requests the backlog once every service is ready, so start-up is never part of a figure.
 */
final class BenchPipeline {

    private BenchPipeline() {
    }

    static PipelineRunner start(Path folder, Map<Service, Map<String, String>> perService) {
        return start(folder, perService, Duration.ofHours(24));
    }

    /** With scheduled scans every {@code scanInterval} (the part sets {@code SCAN_FIRST_DELAY} for the scanner). */
    static PipelineRunner start(Path folder, Map<Service, Map<String, String>> perService, Duration scanInterval) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        // The benchmark measures the local stack: variables naming real services are not followed.
        LocalStack.EXTERNAL.values().forEach(names -> Stream.of(names.split("\\|")).forEach(environment::remove));
        environment.put("SCAN_FIRST_DELAY", "24h");
        Map<Service, Map<String, String>> services = new EnumMap<>(Service.class);
        services.putAll(perService);
        // The four stages only: the console's footprint is its own part (ConsoleRun), not the pipeline's overhead.
        return PipelineRunner.start(new PipelineRunner.Options(folder, "table", scanInterval, false, environment,
                services).withoutConsole());
    }

    /** Latest event of each state per product, from the board's history since the run started. */
    static Map<Long, Map<State, Instant>> timelines(List<ProductStatus> history) {
        Map<Long, Map<State, Instant>> timelines = new HashMap<>();
        for (ProductStatus status : history) {
            timelines.computeIfAbsent(status.productId(), id -> new EnumMap<>(State.class))
                    .merge(status.state(), status.at(), (a, b) -> b.isAfter(a) ? b : a);
        }
        return timelines;
    }

    /** Events of one state, in time order. */
    static List<Instant> times(List<ProductStatus> history, State state) {
        return history.stream().filter(status -> status.state() == state).map(ProductStatus::at).sorted().toList();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
