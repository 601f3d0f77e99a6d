package com.catalogimage.runner.faults;

import com.catalogimage.localstack.dab.CatalogFiller;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs fault scenarios against the whole pipeline: the local stack in this JVM (real Kafka broker, Azurite, the DAB and
 * image-API emulators) and the four packaged services as separate processes, on free ports in a fresh folder. For each
 * scenario: fill the catalog (200+ products without an image), start, apply the fault when enough products completed,
 * wait until the catalog is drained, then measure lost products, duplicate generations and duplicate catalog writes.
 */
final class FaultMatrix {

    static final Duration SCAN_INTERVAL = Duration.ofSeconds(5);
    static final Path DOC = PipelineRunner.repository().resolve("docs/fault-matrix.md");
    /** Where every run writes its table: build output, so a build leaves the working tree as it found it. */
    static final Path OUTPUT = PipelineRunner.repository().resolve("pipeline-runner/target/fault-matrix");
    /** Set to copy the table into {@link #DOC} too: publishing results is a decision, not a side effect of a build. */
    static final String UPDATE_DOCS = "fault-matrix.update-docs";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FaultMatrix() {
    }

    static ScenarioResult run(FaultScenario scenario) throws Exception {
        Path folder = Files.createTempDirectory("fault-" + scenario.id + "-");
        CatalogFiller.Catalog catalog = CatalogFiller.fill(folder, scenario.extraProducts);
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalStack.EXTERNAL.values().forEach(variables -> Stream.of(variables.split("\\|")).forEach(environment::remove));
        environment.putAll(scenario.stackEnvironment);
        System.out.printf("[fault %s] %s: %d products without image, data in %s%n", scenario.id, scenario.title,
                catalog.withoutImage().size(), folder);
        // The stages only: the console watches and steers and takes no part in what a fault does to a product.
        PipelineRunner runner = PipelineRunner.start(new PipelineRunner.Options(folder, scenario.catalogMode, SCAN_INTERVAL, false,
                environment, scenario.serviceEnvironments).withoutConsole());
        FaultRun run = new FaultRun(scenario, runner, catalog);
        catalog.notes().forEach(run::note);
        Instant ended;
        boolean finished = false;
        try {
            scenario.replicas.forEach((service, count) -> {
                for (int replica = 1; replica < count; replica++) {
                    runner.services().startReplica(service, replica);
                }
            });
            scenario.setup.apply(run);
            runner.services().awaitReady(Duration.ofMinutes(3));
            if (scenario.triggerAfterCompleted >= 0) {
                if (!run.awaitCompleted(scenario.triggerAfterCompleted, Duration.ofMinutes(4))) {
                    run.fail("only " + run.completedSinceStart() + " completed before the fault was due");
                }
                run.log("fault applied after " + run.completedSinceStart() + " completed");
                scenario.fault.apply(run);
            }
            if (scenario.waiting) {
                finished = true; // the scenario's fault step waited until the products were waiting
            } else {
                finished = awaitDrained(run, scenario.timeout);
                if (!finished) {
                    run.fail("not drained (stalled " + STALL.toSeconds() + " s or over " + scenario.timeout.toMinutes()
                            + " min): " + runner.progressLine());
                }
            }
            ended = Instant.now();
            // Faults must not distort the measurement itself.
            runner.stack().dab().faults().clear();
            runner.stack().imageApi().faults().clear();
            Observed observed = observe(run);
            scenario.check.verify(run, observed);
            ScenarioResult result = measure(run, observed, Duration.between(runner.started(), ended));
            System.out.println(table(List.of(result)));
            result.notes().forEach(note -> System.out.println("[fault " + scenario.id + "]   note: " + note));
            result.failures().forEach(failure -> System.out.println("[fault " + scenario.id + "]   FAILED: " + failure));
            return result;
        } finally {
            runner.close();
            if (finished && run.failures.isEmpty()) {
                deleteRecursively(folder);
            } else {
                System.out.println("[fault " + scenario.id + "] logs kept in " + folder.resolve("logs"));
            }
        }
    }

    /** Without any status event for this long, a run is stuck: longer than the longest delayed retry (50 s) plus work. */
    static final Duration STALL = Duration.ofSeconds(150);
    /** Nothing moved for this long: ask the scanner whether the catalog is drained although the board shows work. */
    static final Duration QUIET = Duration.ofSeconds(20);

    static String notFinal(Map<Long, ProductStatus> latest) {
        List<String> open = latest.values().stream().filter(st -> !st.state().isFinal())
                .map(st -> "#" + st.productId() + " " + st.state() + " by " + st.stage()).sorted().toList();
        return open.size() <= 10 ? open.toString() : open.subList(0, 10) + " and " + (open.size() - 10) + " more";
    }

    /**
     * Waits like {@link PipelineRunner#awaitDrained} (a scan that finds nothing to request and nothing in flight), asking
     * for scans only when the board shows nothing in flight; a failing scan (a fault on DAB) is waited out. Gives up
     * early when nothing has moved for {@link #STALL}, so a stuck scenario does not hold the matrix for its timeout.
     */
    private static boolean awaitDrained(FaultRun run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lastProgress = null;
        long lastChange = System.nanoTime();
        long nextLine = 0;
        long nextQuietScan = 0;
        while (System.nanoTime() < deadline) {
            PipelineRunner runner = run.runner;
            Object progress = List.of(runner.board().eventsSince(), runner.board().inFlight());
            if (!progress.equals(lastProgress)) {
                lastProgress = progress;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                run.log("nothing moved for " + STALL.toSeconds() + " s: " + runner.progressLine());
                run.note("stalled; not final on the status topic: " + notFinal(runner.board().latest()));
                return false;
            }
            if (System.nanoTime() >= nextLine) {
                run.log(runner.progressLine());
                nextLine = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            // The scanner's view is the truth: also ask when the board has shown the same few products in flight
            // for a while (a status that never came must not hold the run; it is reported below).
            boolean quiet = System.nanoTime() - lastChange > QUIET.toNanos() && System.nanoTime() >= nextQuietScan;
            if (runner.board().inFlight() == 0 || quiet) {
                nextQuietScan = System.nanoTime() + QUIET.toNanos();
                try {
                    JsonNode scan = runner.scanNow();
                    if (scan.path("requested").asInt() == 0 && scan.path("alreadyInFlight").asInt() == 0) {
                        run.log(runner.progressLine());
                        return true;
                    }
                } catch (IllegalStateException scanFailed) {
                    run.log("scan failed (" + scanFailed.getMessage() + "); waiting");
                }
            }
            FaultRun.pause(Duration.ofSeconds(1));
        }
        return false;
    }

    static Observed observe(FaultRun run) throws Exception {
        List<ProductStatus> history = TopicSnapshot.statuses(run.bootstrap());
        // The latest status is the last in its partition's order (decision 0013), whatever clock its writer had.
        Map<Long, ProductStatus> latest = new HashMap<>();
        for (ProductStatus status : history) {
            latest.put(status.productId(), status);
        }
        JsonNode page = getJson(run.stack().dab().baseUri() + "/api/Products?%24first=-1", dabAuthorization(run));
        Map<Long, JsonNode> rows = new HashMap<>();
        page.path("value").forEach(row -> rows.put(row.path("Id").asLong(), row));
        return new Observed(run.catalog.withoutImage(), history, latest, TopicSnapshot.deadLetters(run.bootstrap()), rows);
    }

    static ScenarioResult measure(FaultRun run, Observed observed, Duration wallTime) {
        FaultScenario scenario = run.scenario;
        String blobBase = run.stack().azurite().blobEndpoint() + "/";
        int completed = 0;
        int skipped = 0;
        int deadLettered = 0;
        int waiting = 0;
        List<String> lost = new ArrayList<>();
        List<String> statusBehind = new ArrayList<>();
        for (Map.Entry<Long, String> product : observed.products().entrySet()) {
            long id = product.getKey();
            ProductStatus status = observed.latest().get(id);
            JsonNode row = observed.catalog().get(id);
            String imageUrl = row == null ? "" : row.path("ImageUrl").asText("");
            State state = status == null ? null : status.state();
            String label = "#" + id + " " + abbreviate(product.getValue()) + " (" + (state == null ? "no status" : state) + ")";
            if (state == State.COMPLETED) {
                completed++;
                if (!imageUrl.startsWith(blobBase)) {
                    lost.add(label + " completed without our image in the catalog");
                }
            } else if (state == State.SKIPPED) {
                skipped++;
            } else if (state == State.DEAD_LETTERED) {
                deadLettered++;
                ReasonCode expected = scenario.expectedDeadLetters.get(product.getValue());
                if (expected != status.reason()) {
                    run.fail("unexpected dead letter " + label + ": " + status.reason() + " from " + status.stage()
                            + " (" + abbreviate(String.valueOf(status.detail())) + ")");
                }
            } else if (scenario.waiting && state == State.REQUESTED) {
                waiting++;
            } else if (imageUrl.isEmpty()) {
                lost.add(label);
            } else if (imageUrl.startsWith(blobBase)) {
                statusBehind.add("#" + id + " " + state + (status == null ? "" : " by " + status.stage()));
            }
        }
        for (Map.Entry<String, ReasonCode> expected : scenario.expectedDeadLetters.entrySet()) {
            boolean found = observed.products().entrySet().stream()
                    .filter(p -> p.getValue().equals(expected.getKey()))
                    .map(p -> observed.latest().get(p.getKey()))
                    .anyMatch(s -> s != null && s.state() == State.DEAD_LETTERED && s.reason() == expected.getValue());
            if (!found) {
                run.fail(expected.getKey() + " was not dead-lettered with " + expected.getValue());
            }
        }
        if (!statusBehind.isEmpty()) {
            // Not lost (the catalog has our image), but the status topic never heard it completed.
            run.note(statusBehind.size() + " with our image in the catalog but no final status: " + statusBehind);
        }
        if (!lost.isEmpty()) {
            run.fail(lost.size() + " lost: " + String.join("; ", lost.subList(0, Math.min(8, lost.size())))
                    + (lost.size() > 8 ? "; …" : ""));
        }

        int duplicateGenerations = duplicateGenerations(run, observed);
        int bound = scenario.duplicateGenerationBound();
        if (duplicateGenerations > bound) {
            run.fail(duplicateGenerations + " duplicate generations, more than the bound " + bound);
        }
        Map<Long, Long> writes = run.stack().dab().stats().imageWritesByProduct();
        List<Long> writtenTwice = writes.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!writtenTwice.isEmpty()) {
            run.fail("catalog written more than once for " + writtenTwice);
        }
        for (Service service : run.runner.services().services()) {
            if (!run.runner.services().isAlive(service)) {
                run.fail(service.module + " exited; see " + run.runner.services().logFile(service));
            }
        }
        return new ScenarioResult(scenario.id, scenario.title, observed.products().size(), completed, skipped, deadLettered,
                waiting, lost.size(), duplicateGenerations, bound, writtenTwice.size(), wallTime, List.copyOf(run.notes),
                List.copyOf(run.failures));
    }

    /**
     * Images paid for twice: request ids the emulator answered with an image more than once, plus products that got an
     * image under more than one request id (request ids are tied to products through the status topic, and through the
     * generator's ledger, which compaction of the status topic does not thin out).
     */
    static int duplicateGenerations(FaultRun run, Observed observed) {
        Map<String, Long> byRequestId = run.stack().imageApi().stats().generationsByRequestId();
        Map<String, Long> productOf = new HashMap<>();
        observed.history().stream().filter(s -> s.requestId() != null)
                .forEach(s -> productOf.putIfAbsent(s.requestId(), s.productId()));
        TopicSnapshot.paidGenerations(run.bootstrap())
                .forEach(paid -> productOf.putIfAbsent(paid.requestId(), paid.productId()));
        int sameRequest = byRequestId.values().stream().mapToInt(count -> (int) Math.max(0, count - 1)).sum();
        Map<Long, Set<String>> requestsPerProduct = new HashMap<>();
        List<String> unmapped = new ArrayList<>();
        byRequestId.keySet().forEach(requestId -> {
            Long product = productOf.get(requestId);
            if (product == null) {
                unmapped.add(requestId);
            } else {
                requestsPerProduct.computeIfAbsent(product, p -> new HashSet<>()).add(requestId);
            }
        });
        int sameProduct = requestsPerProduct.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        long withoutRequestId = run.stack().imageApi().stats().generations()
                - byRequestId.values().stream().mapToLong(Long::longValue).sum();
        if (!unmapped.isEmpty() || withoutRequestId > 0) {
            run.note(unmapped.size() + " generated request ids not on the status topic, " + withoutRequestId
                    + " generations without a request id");
        }
        if (sameRequest + sameProduct > 0) {
            run.note("duplicate generations: " + sameRequest + " by request id, " + sameProduct
                    + " by product under another request id: "
                    + requestsPerProduct.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> "#" + e.getKey()).limit(10).collect(Collectors.joining(", ")));
        }
        return sameRequest + sameProduct;
    }

    static String table(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("""
                | | scenario | products | completed | skipped | dead-lettered | waiting | lost | duplicate generations (bound) | duplicate writes | wall time | result |
                |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
                """);
        results.forEach(result -> table.append(result.row()).append('\n'));
        return table.toString();
    }

    /**
     * Prints the table and writes it to {@code target/fault-matrix/<section>.md}; with {@code -Dfault-matrix.update-docs=true}
     * it also replaces this section's table in docs/fault-matrix.md.
     */
    static void report(String section, String command, List<ScenarioResult> results, Duration total) {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append(", total ").append(ScenarioResult.minutes(total)).append(" (`").append(command).append("`).\n\n");
        text.append(table(results));
        List<String> remarks = new ArrayList<>();
        for (ScenarioResult result : results) {
            result.notes().forEach(note -> remarks.add("- " + result.id() + ": " + note));
            result.failures().forEach(failure -> remarks.add("- " + result.id() + " **failed**: " + failure));
        }
        if (!remarks.isEmpty()) {
            text.append('\n').append(String.join("\n", remarks)).append('\n');
        }
        System.out.println("\n=== fault matrix (" + section + ") ===\n" + text);
        Path latest = OUTPUT.resolve(section + ".md");
        try {
            Files.createDirectories(OUTPUT);
            Files.writeString(latest, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + latest, e);
        }
        System.out.println("Table written to " + latest);
        if (Boolean.getBoolean(UPDATE_DOCS)) {
            writeSection(section, text.toString());
            System.out.println("Section '" + section + "' of " + DOC + " replaced (-D" + UPDATE_DOCS + "=true)");
        }
    }

    private static synchronized void writeSection(String section, String body) {
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        try {
            String doc = Files.exists(DOC) ? Files.readString(DOC) : "";
            int from = doc.indexOf(start);
            int to = doc.indexOf(end);
            String block = start + "\n" + body + end;
            if (from >= 0 && to > from) {
                doc = doc.substring(0, from) + block + doc.substring(to + end.length());
            } else {
                doc = doc + (doc.endsWith("\n") || doc.isEmpty() ? "" : "\n") + "\n## " + section + "\n\n" + block + "\n";
            }
            Files.writeString(DOC, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + DOC, e);
        }
    }

    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + (memory >> 30) + " GiB memory, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
    }

    /** The harness's own bearer for DAB when the emulator plays Entra ID (scenario o), else none. */
    static String dabAuthorization(FaultRun run) {
        return run.stack().dab().tokens().map(tokens -> "Bearer " + tokens.issue()).orElse(null);
    }

    static JsonNode getJson(String url) throws Exception {
        return getJson(url, null);
    }

    static JsonNode getJson(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
