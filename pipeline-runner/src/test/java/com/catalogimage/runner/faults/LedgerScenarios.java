package com.catalogimage.runner.faults;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.TopicRecords;
import com.catalogimage.runner.ServiceProcesses.Service;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The ledger of paid images and a generator that stops gracefully (docs/decisions/0014): scenarios k and p.
 */
final class LedgerScenarios {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Products deleted from the catalog while their image is on its way: their GENERATED is replaced by SKIPPED. */
    private static final int DELETED = 5;
    /** Longer than the generator's own shutdown grace (150 s), as Kubernetes' terminationGracePeriodSeconds is. */
    private static final Duration POD_GRACE = Duration.ofSeconds(180);

    private LedgerScenarios() {
    }

    /**
     * k. image-status compacts within seconds all run long; some products lose their GENERATED to a later SKIPPED
     * (deleted from the catalog while the uploader waited for storage), so compaction takes the status that showed
     * their spend. Once drained, the scanner and the generator are restarted: today's spend must be what it was, and
     * those products' requests, delivered again, must not be paid for again.
     */
    static FaultScenario statusTopicCompacted() {
        return FaultScenario.named("k", "image-status compacted mid-run, then scanner and generator restarted")
                .setup(run -> {
                    compactWithinSeconds(run.bootstrap());
                    run.stack().imageApi().configure(ImageApiEmulator.Config.change()
                            .withLatency(Scenarios.MODEL_LATENCY).withJitter(Duration.ofMillis(500)));
                    run.log("image-status: segment.ms=1000, min.cleanable.dirty.ratio=0.01, min.compaction.lag.ms=0");
                })
                .midRun(20, run -> {
                    run.stack().azurite().stop();
                    run.log("Azurite stopped: images wait at GENERATED");
                    List<Long> waiting = new ArrayList<>();
                    FaultRun.awaitCondition(() -> {
                        waiting.clear();
                        run.runner.board().latest().values().stream().filter(s -> s.state() == State.GENERATED)
                                .map(ProductStatus::productId).limit(DELETED).forEach(waiting::add);
                        return waiting.size() >= DELETED;
                    }, Duration.ofSeconds(90));
                    for (long id : waiting) {
                        delete(run, id);
                    }
                    run.note("deleted from the catalog while GENERATED: " + waiting);
                    run.stack().azurite().startProcess();
                    run.log("Azurite started again");
                    Set<Long> deleted = Set.copyOf(waiting);
                    if (!FaultRun.awaitCondition(() -> deleted.stream().map(id -> run.runner.board().latest().get(id))
                            .allMatch(s -> s != null && s.state() == State.SKIPPED
                                    && s.reason() == ReasonCode.PRODUCT_GONE), Duration.ofMinutes(3))) {
                        run.fail("the deleted products were not all SKIPPED (PRODUCT_GONE) within 3 min");
                    }
                    deletedProducts.put(run, deleted);
                })
                .check((run, observed) -> {
                    Set<Long> deleted = deletedProducts.getOrDefault(run, Set.of());
                    // Compaction must really have taken their GENERATED, or this scenario proves nothing. The broker
                    // never compacts a partition's active segment, and one rolls only on a write: after the drain
                    // nothing writes, so every product's latest status is written again, as it was.
                    FaultRun.pause(Duration.ofSeconds(2));
                    run.log("latest statuses written again to roll the segments: "
                            + TopicSnapshot.rewriteLatest(run.bootstrap(), Topics.IMAGE_STATUS));
                    boolean compacted = FaultRun.awaitCondition(() -> TopicSnapshot.statuses(run.bootstrap()).stream()
                            .noneMatch(s -> deleted.contains(s.productId()) && s.state() != State.SKIPPED),
                            Duration.ofMinutes(3));
                    long statusRecords = TopicSnapshot.statuses(run.bootstrap()).size();
                    run.note("status topic after compaction: " + statusRecords + " statuses for "
                            + observed.products().size() + " products");
                    if (!compacted || deleted.isEmpty()) {
                        run.fail("compaction did not remove the deleted products' GENERATED statuses");
                    }
                    long paidByEmulator = run.stack().imageApi().stats().generations();
                    Spend before = Spend.of(run);
                    run.note("before the restart: " + before + "; the image API generated " + paidByEmulator);
                    if (before.images() != paidByEmulator) {
                        run.fail("today's images " + before.images() + " are not the " + paidByEmulator + " paid for");
                    }
                    for (Service service : List.of(Service.PRODUCT_SCANNER, Service.IMAGE_GENERATOR)) {
                        run.runner.services().stop(service, POD_GRACE);
                        run.runner.services().start(service);
                        if (!FaultRun.awaitCondition(() -> run.runner.services().isReady(service), Duration.ofMinutes(3))) {
                            run.fail(service.module + " not ready within 3 min of its restart");
                        }
                    }
                    Spend after = Spend.of(run);
                    run.note("after the restart: " + after);
                    if (!after.equals(before)) {
                        run.fail("today's spend changed across the restart: " + before + " -> " + after);
                    }
                    // The deleted products' requests delivered again: known paid for, so not paid for again.
                    double duplicatesBefore = after.duplicates();
                    int resent = resendRequests(run.bootstrap(), deleted);
                    boolean consumed = FaultRun.awaitCondition(() -> Spend.of(run).duplicates() >= duplicatesBefore + resent
                            || run.stack().imageApi().stats().generations() > paidByEmulator, Duration.ofMinutes(2));
                    long paidAfter = run.stack().imageApi().stats().generations();
                    run.note(resent + " requests of the deleted products sent again: " + (paidAfter - paidByEmulator)
                            + " generated, " + (Spend.of(run).duplicates() - duplicatesBefore) + " taken as duplicates");
                    if (!consumed || paidAfter != paidByEmulator) {
                        run.fail("the requests sent again were not all recognised as paid for");
                    }
                });
    }

    /**
     * p. SIGTERM (not -9) to the generator while its calls are in flight, twice, with a slow model: the calls finish
     * and their images are published before it exits, so no paid image is lost and none is paid for twice.
     */
    static FaultScenario generatorStoppedGracefully() {
        return FaultScenario.named("p", "SIGTERM to the generator during calls (model latency 5 s), twice")
                .setup(run -> run.stack().imageApi().configure(ImageApiEmulator.Config.change()
                        .withLatency(Duration.ofSeconds(5)).withJitter(Duration.ofSeconds(1))))
                .timeout(Duration.ofMinutes(12))
                .midRun(15, run -> {
                    for (int stop = 1; stop <= 2; stop++) {
                        int before = run.completedSinceStart();
                        long logStart = logLength(run);
                        Optional<Duration> took = run.runner.services().stop(Service.IMAGE_GENERATOR, POD_GRACE);
                        String said = logSince(run, logStart).lines()
                                .filter(line -> line.contains("Shutting down") || line.contains("Shutdown grace"))
                                .map(LedgerScenarios::message).collect(Collectors.joining(" / "));
                        if (took.isEmpty()) {
                            run.fail("SIGTERM " + stop + ": the generator did not exit within " + POD_GRACE.toSeconds()
                                    + " s and was killed");
                        } else {
                            run.note("SIGTERM " + stop + ": exited after " + took.get().toMillis() + " ms; " + said);
                        }
                        run.runner.services().start(Service.IMAGE_GENERATOR);
                        if (!FaultRun.awaitCondition(() -> run.runner.services().isReady(Service.IMAGE_GENERATOR),
                                Duration.ofMinutes(3))) {
                            run.fail("the generator not ready within 3 min of its restart");
                        }
                        run.awaitCompleted(before + 10, Duration.ofMinutes(3));
                    }
                })
                .check((run, observed) -> {
                    Set<String> published = observed.history().stream().filter(s -> s.state() == State.GENERATED)
                            .map(ProductStatus::requestId).collect(Collectors.toSet());
                    List<String> lost = run.stack().imageApi().stats().generationsByRequestId().keySet().stream()
                            .filter(id -> !published.contains(id)).toList();
                    run.note(run.stack().imageApi().stats().generations() + " images paid for, "
                            + (run.stack().imageApi().stats().generations() - lost.size()) + " of them published");
                    if (!lost.isEmpty()) {
                        run.fail(lost.size() + " paid images never published (no GENERATED): " + lost.subList(0,
                                Math.min(5, lost.size())));
                    }
                });
    }

    /** Per run: the products k deleted (a run is one scenario at a time; the map only carries it to the check). */
    private static final Map<FaultRun, Set<Long>> deletedProducts = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compaction within seconds instead of an hour: small segments, any dirt cleans, no lag. */
    static void compactWithinSeconds(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.IMAGE_STATUS);
            Collection<AlterConfigOp> ops = List.of(
                    new AlterConfigOp(new ConfigEntry("segment.ms", "1000"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("min.cleanable.dirty.ratio", "0.01"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("min.compaction.lag.ms", "0"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("delete.retention.ms", "1000"), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
        }
    }

    private static void delete(FaultRun run, long id) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(run.stack().dab().baseUri() + "/api/Products/Id/" + id)).DELETE()
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                run.fail("deleting product " + id + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            run.fail("deleting product " + id + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends every image request of these products again, as they were: a redelivery after the compaction. */
    private static int resendRequests(String bootstrap, Set<Long> products) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            TopicRecords topics = new TopicRecords(companion);
            ImageRequestDeserializer requests = new ImageRequestDeserializer();
            int sent = 0;
            for (ConsumerRecord<String, byte[]> record : topics.read(Topics.IMAGE_REQUESTS)) {
                ImageRequest request = requests.deserialize(record.topic(), record.value());
                if (request != null && request.product() != null && products.contains(request.product().id())) {
                    topics.sendBytes(Topics.IMAGE_REQUESTS, record.key(), record.value());
                    sent++;
                }
            }
            return sent;
        }
    }

    /** The generator's own figures for today, from its metrics. */
    record Spend(long images, BigDecimal costUsd, double duplicates) {
        private static final Pattern IMAGES = Pattern.compile("(?m)^generator_budget_images_today\\s+(\\S+)$");
        private static final Pattern COST = Pattern.compile("(?m)^generator_budget_cost_usd_today\\s+(\\S+)$");
        private static final Pattern DUPLICATE = Pattern.compile(
                "(?m)^generator_requests_total\\{[^}]*outcome=\"duplicate\"[^}]*}\\s+(\\S+)$");

        static Spend of(FaultRun run) {
            String metrics = get(run.runner.services().url(Service.IMAGE_GENERATOR) + "/q/metrics");
            Matcher images = IMAGES.matcher(metrics);
            Matcher cost = COST.matcher(metrics);
            if (!images.find() || !cost.find()) {
                throw new IllegalStateException("the generator's metrics hold no budget figures");
            }
            double duplicates = 0;
            for (Matcher m = DUPLICATE.matcher(metrics); m.find(); ) {
                duplicates += Double.parseDouble(m.group(1));
            }
            return new Spend((long) Double.parseDouble(images.group(1)),
                    new BigDecimal(cost.group(1)).setScale(4, java.math.RoundingMode.HALF_UP), duplicates);
        }

        /** Images and cost: the duplicates counter starts again with every process. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Spend that && images == that.images && costUsd.compareTo(that.costUsd) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(images);
        }

        @Override
        public String toString() {
            return images + " images, $" + costUsd.toPlainString() + " today";
        }
    }

    private static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long logLength(FaultRun run) {
        try {
            return java.nio.file.Files.size(run.runner.services().logFile(Service.IMAGE_GENERATOR));
        } catch (IOException e) {
            return 0;
        }
    }

    private static String logSince(FaultRun run, long offset) {
        try {
            byte[] all = java.nio.file.Files.readAllBytes(run.runner.services().logFile(Service.IMAGE_GENERATOR));
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The message of a JSON log line, or the line. */
    private static String message(String line) {
        Matcher m = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        return m.find() ? m.group(1) : line.strip();
    }
}
