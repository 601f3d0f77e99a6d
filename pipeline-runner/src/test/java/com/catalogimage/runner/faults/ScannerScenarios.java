package com.catalogimage.runner.faults;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The scanner's rows of the fault matrix (issue 11, decision 0015): j) a stage stalled past the in-flight timeout,
 * l) replays and re-sent requests while scans request the same products, q) statuses with skewed, missing or malformed
 * times and shapes. Each must lose nothing and pay for nothing twice.
 */
final class ScannerScenarios {

    private ScannerScenarios() {
    }

    static List<FaultScenario> all() {
        return List.of(uploaderStalledPastInFlightTimeout(), replaysWhileScansRequest(), skewedAndMalformedStatuses());
    }

    private static FaultScenario.Step modelLatency() {
        return run -> run.stack().imageApi().configure(com.catalogimage.localstack.imageapi.ImageApiEmulator.Config.change()
                .withLatency(Scenarios.MODEL_LATENCY).withJitter(Duration.ofMillis(500)));
    }

    /**
     * j. Blob storage down (Azurite stopped) for 45 s while the scanner's in-flight timeout is 20 s: the images paid for
     * wait in the uploader's retries and the products REQUESTED wait in the generator's queue past the timeout. The
     * scanner reports them stuck while it lasts and requests none of them again; they complete when storage is back.
     * (45 s stays inside the uploader's delayed retries, 10 + 20 + 50 s, so nothing is dead-lettered for it.)
     */
    static FaultScenario uploaderStalledPastInFlightTimeout() {
        return FaultScenario.named("j", "uploader stalled (Azurite down 45 s) past a 20 s in-flight timeout")
                .env(Service.PRODUCT_SCANNER, "SCAN_IN_FLIGHT_TIMEOUT", "20s")
                .setup(modelLatency())
                .midRun(30, run -> {
                    run.stack().azurite().stop();
                    run.log("Azurite stopped");
                    FaultRun.pause(Duration.ofSeconds(30));
                    JsonNode scan = run.runner.scanNow();
                    int stuck = scan.path("stuck").asInt();
                    run.note("30 s into the stall a scan reports " + stuck + " stuck, " + scan.path("requested").asInt()
                            + " requested (" + scan.path("requestedAgain").asInt() + " again), "
                            + scan.path("alreadyInFlight").asInt() + " in flight");
                    if (stuck == 0) {
                        run.fail("no product reported stuck 30 s into a stall past the 20 s in-flight timeout");
                    }
                    FaultRun.pause(Duration.ofSeconds(15));
                    run.stack().azurite().startProcess();
                    run.log("Azurite started again");
                })
                .check((run, observed) -> {
                    JsonNode scan = run.runner.scanNow();
                    run.note("after the run a scan reports " + scan.path("stuck").asInt() + " stuck");
                    if (scan.path("stuck").asInt() != 0) {
                        run.fail(scan.path("stuck").asInt() + " products still stuck after the stall ended");
                    }
                });
    }

    /**
     * l. While scans run every 5 s: 40 requests already on {@code image-requests} are written there again as they were
     * (a replay tool re-sending requests), and the sample's content-policy dead letter is replayed twice at once
     * through the dead-letter API with an edited prompt, then once more by a filter. One new request, one image.
     */
    static FaultScenario replaysWhileScansRequest() {
        String jeans = "Blue Denim Jeans";
        FaultScenario scenario = FaultScenario.named("l", "replays and re-sent requests while scans request them")
                .setup(modelLatency())
                .midRun(20, run -> {
                    List<ConsumerRecord<String, byte[]>> sent = TopicSnapshot.records(run.bootstrap(), Topics.IMAGE_REQUESTS);
                    Map<String, byte[]> again = new LinkedHashMap<>();
                    for (ConsumerRecord<String, byte[]> record : sent) {
                        if (again.size() < 40 && record.key() != null && record.value() != null) {
                            again.putIfAbsent(record.key(), record.value());
                        }
                    }
                    TopicSnapshot.writeRaw(run.bootstrap(), Topics.IMAGE_REQUESTS, again);
                    run.note(again.size() + " of the " + sent.size() + " requests on image-requests written again as they were");

                    long product = run.catalog.withoutImage().entrySet().stream()
                            .filter(entry -> entry.getValue().equals(jeans)).map(Map.Entry::getKey).findFirst()
                            .orElseThrow();
                    if (!FaultRun.awaitCondition(() -> {
                        ProductStatus status = run.runner.board().latest().get(product);
                        return status != null && status.state() == State.DEAD_LETTERED;
                    }, Duration.ofMinutes(3))) {
                        run.fail(jeans + " was not dead-lettered within 3 min: nothing to replay");
                        return;
                    }
                    JsonNode listing = run.runner.operator("GET", "/dead-letters?productId=" + product, null, 200);
                    String id = listing.path("deadLetters").path(0).path("id").asText();
                    String body = "{\"ids\":[\"" + id + "\"],\"promptOverrides\":{\"" + product
                            + "\":\"A pair of blue trousers folded on a white background, no text.\"}}";
                    List<CompletableFuture<JsonNode>> replays = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        replays.add(CompletableFuture.supplyAsync(
                                () -> run.runner.operator("POST", "/dead-letters/replay", body, 200)));
                    }
                    CompletableFuture<JsonNode> scan = CompletableFuture.supplyAsync(run.runner::scanNow);
                    int replayed = 0;
                    for (CompletableFuture<JsonNode> replay : replays) {
                        replayed += replay.join().path("replayed").asInt();
                    }
                    scan.join();
                    JsonNode byFilter = run.runner.operator("POST", "/dead-letters/replay",
                            "{\"filter\":{\"productId\":" + product + "},\"promptOverrides\":{\"" + product
                                    + "\":\"A pair of blue trousers on white.\"}}", 200);
                    replayed += byFilter.path("replayed").asInt();
                    run.note("dead letter " + id + " replayed twice at once and once by filter, with a scan between: "
                            + replayed + " new request(s); the filter's answer " + byFilter.path("results"));
                    if (replayed != 1) {
                        run.fail(replayed + " replay requests for one dead letter, not 1");
                    }
                })
                .check((run, observed) -> {
                    long product = run.catalog.withoutImage().entrySet().stream()
                            .filter(entry -> entry.getValue().equals(jeans)).map(Map.Entry::getKey).findFirst()
                            .orElseThrow();
                    ProductStatus status = observed.latest().get(product);
                    run.note(jeans + " after its replay: " + (status == null ? "no status" : status.state()));
                    if (status == null || status.state() != State.COMPLETED) {
                        run.fail(jeans + " did not complete after its replay with an edited prompt");
                    }
                });
        // Replayed with an edited prompt, the sample's content-policy product completes this time.
        scenario.expectedDeadLetters.clear();
        return scenario;
    }

    /**
     * q. Mid-run, copies of 40 products' latest statuses written again as a host with a wrong clock would write them
     * (5 hours ahead, 5 hours behind, no time at all), and malformed statuses on real products' keys (no state, an
     * unknown state, an unreadable time, a product id that is no number, JSON that is no object). The readers decide by
     * offset, not by time; a status 5 hours old is only reported stuck, never re-requested; the malformed ones are
     * skipped.
     */
    static FaultScenario skewedAndMalformedStatuses() {
        return FaultScenario.named("q", "statuses with skewed, missing or malformed times and shapes")
                .setup(modelLatency())
                .midRun(20, run -> {
                    Map<Long, ProductStatus> latest = run.runner.board().latest();
                    List<ProductStatus> chosen = latest.values().stream()
                            .filter(status -> run.catalog.withoutImage().containsKey(status.productId()))
                            .sorted((a, b) -> Boolean.compare(a.state().isFinal(), b.state().isFinal()))
                            .limit(40).toList();
                    JsonSerializer<Object> json = new JsonSerializer<>();
                    int i = 0;
                    for (ProductStatus status : chosen) {
                        Instant at = switch (i++ % 3) {
                            case 0 -> status.at() == null ? null : status.at().plus(Duration.ofHours(5));
                            case 1 -> status.at() == null ? null : status.at().minus(Duration.ofHours(5));
                            default -> null;
                        };
                        ProductStatus skewed = new ProductStatus(status.productId(), status.requestId(), status.attempt(),
                                status.state(), status.reason(), status.detail(), status.stage(), at, status.costUsd());
                        TopicSnapshot.writeRaw(run.bootstrap(), Topics.IMAGE_STATUS,
                                Map.of(String.valueOf(status.productId()), json.serialize(Topics.IMAGE_STATUS, skewed)));
                    }
                    List<String> malformed = List.of(
                            "{\"productId\":%d,\"requestId\":\"r-none\",\"attempt\":1}",
                            "{\"productId\":%d,\"requestId\":\"r-x\",\"attempt\":1,\"state\":\"EXPLODED\",\"at\":\"2026-12-01T00:00:00Z\"}",
                            "{\"productId\":%d,\"state\":\"REQUESTED\",\"at\":\"2026-13-45T99:00:00Z\"}",
                            "{\"productId\":\"not-a-number-%d\",\"state\":\"COMPLETED\"}",
                            "[%d, \"REQUESTED\"]");
                    int written = 0;
                    for (ProductStatus status : chosen.subList(0, Math.min(10, chosen.size()))) {
                        String value = String.format(malformed.get(written++ % malformed.size()), status.productId());
                        TopicSnapshot.writeRaw(run.bootstrap(), Topics.IMAGE_STATUS,
                                Map.of(String.valueOf(status.productId()), value.getBytes(StandardCharsets.UTF_8)));
                    }
                    run.note(chosen.size() + " statuses written again 5 h ahead, 5 h behind or without a time ("
                            + chosen.stream().filter(s -> !s.state().isFinal()).count() + " of products in flight), and "
                            + written + " malformed statuses on their keys");
                    JsonNode scan = run.runner.scanNow();
                    run.note("a scan right after: " + scan.path("requested").asInt() + " requested ("
                            + scan.path("requestedAgain").asInt() + " again), " + scan.path("stuck").asInt() + " stuck");
                });
    }
}
