package com.catalogimage.runner.faults;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.dab.EntraTokens;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 11's scenarios about more than one process per stage and about DAB's identity: m (two updaters and editors
 * writing meanwhile), o (DAB's Entra ID token expiring mid-run), r (every stage at three replicas, one stopped and
 * one started mid-run, within the image quota) and its baseline r1 (one process each, the same quota).
 */
final class ReplicaScenarios {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // the generator's default deployment (IMAGE_DEPLOYMENT, decision 0028)
    private static final String DEPLOYMENT = "gpt-image-2";
    /** The deployment's limit in r and r1, shared by the generators: replicas × AZURE_OPENAI_RPM never exceeds it. */
    static final int QUOTA_RPM = 180;

    private ReplicaScenarios() {
    }

    static List<FaultScenario> all() {
        return List.of(twoUpdatersAndOutsideWrites(), dabTokenExpiry(), threeReplicasEach(), oneReplicaEach());
    }

    private static FaultScenario.Step modelLatency() {
        return run -> run.stack().imageApi().configure(ImageApiEmulator.Config.change()
                .withLatency(Scenarios.MODEL_LATENCY).withJitter(Duration.ofMillis(500)));
    }

    /**
     * m. Two catalog-updater processes in one consumer group, in stored-procedure mode (the conditional write). Mid-run
     * the procedure's writes are slowed down (1.5 s before DAB runs them), and an editor sets an image through DAB on up
     * to 15 products the uploader has just stored, i.e. while the updaters hold them: each such product keeps the
     * editor's image and ends SKIPPED ALREADY_HAS_IMAGE; no product is written twice.
     */
    static FaultScenario twoUpdatersAndOutsideWrites() {
        Map<Long, String> edited = new ConcurrentHashMap<>();
        return FaultScenario.named("m", "two catalog-updaters (stored procedures), an editor writes 15 products meanwhile")
                .catalogMode("stored-procedure")
                .replicas(Service.CATALOG_UPDATER, 2)
                .setup(modelLatency())
                .midRun(10, run -> {
                    run.stack().dab().faults().add(Fault.delay(Duration.ofMillis(1500)).during(Duration.ofSeconds(60))
                            .onMethods("POST").onPath("/rest/UpdateProductImageUrl"));
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    Set<Long> looked = ConcurrentHashMap.newKeySet();
                    while (edited.size() < 15 && System.nanoTime() < deadline) {
                        for (ProductStatus status : run.runner.board().latest().values()) {
                            if (edited.size() >= 15) {
                                break;
                            }
                            if (status.state() == State.STORED && looked.add(status.productId())
                                    && editImage(run, status.productId())) {
                                edited.put(status.productId(), editorUrl(status.productId()));
                            }
                        }
                        FaultRun.pause(Duration.ofMillis(100));
                    }
                    run.log("editor set " + edited.size() + " images while the updaters held them");
                })
                .check((run, observed) -> {
                    if (edited.size() < 5) {
                        run.fail("the editor got to only " + edited.size() + " products");
                    }
                    int raced = 0;
                    for (Map.Entry<Long, String> product : edited.entrySet()) {
                        long id = product.getKey();
                        String now = observed.catalog().get(id).path("ImageUrl").asText("");
                        ProductStatus status = observed.latest().get(id);
                        if (!now.equals(product.getValue())) {
                            run.fail("#" + id + ": the editor's image was overwritten by " + now);
                        }
                        if (status == null || status.state() != State.SKIPPED
                                || status.reason() != ReasonCode.ALREADY_HAS_IMAGE) {
                            run.fail("#" + id + " ended " + (status == null ? "without status"
                                    : status.state() + " " + status.reason()) + ", not SKIPPED ALREADY_HAS_IMAGE");
                        } else if (String.valueOf(status.detail()).contains("between our read and our conditional write")) {
                            raced++;
                        }
                    }
                    run.note(edited.size() + " products edited meanwhile, all kept and skipped; " + raced
                            + " of them met the conditional write (set after the updater's read), the rest its read");
                });
    }

    private static String editorUrl(long id) {
        return "https://editor.example.com/m/" + id + ".jpg";
    }

    /** A person's edit through DAB's table entity, only where the product has no image yet (as an editor would see). */
    private static boolean editImage(FaultRun run, long id) {
        try {
            String base = run.stack().dab().baseUri() + "/api/Products/Id/" + id;
            String current = FaultMatrix.getJson(base + "?%24select=Id,ImageUrl").path("value").path(0)
                    .path("ImageUrl").asText("");
            if (!current.isBlank()) {
                return false;
            }
            HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/json").header("If-Match", "*")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"ImageUrl\":\"" + editorUrl(id) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return patched.statusCode() == 200;
        } catch (Exception e) {
            run.log("editing #" + id + " failed: " + e.getMessage());
            return false;
        }
    }

    /**
     * o. DAB with Entra ID: the services get their DAB tokens through azure-identity (managed identity, the emulator's
     * identity endpoint) and the emulator lets each token live one minute, so tokens expire several times during the
     * run; the clients must refresh them before DAB refuses them with 401.
     */
    static FaultScenario dabTokenExpiry() {
        return FaultScenario.named("o", "DAB with Entra ID, tokens expire every minute")
                .stack(LocalStack.DAB_TOKEN_LIFETIME, "PT1M")
                .setup(modelLatency())
                .timeout(Duration.ofMinutes(10))
                .check((run, observed) -> {
                    EntraTokens tokens = run.stack().dab().tokens().orElseThrow();
                    Duration ran = Duration.between(run.runner.started(), Instant.now());
                    long unauthorized = run.stack().dab().stats().responses(401);
                    run.note(String.format("run of %d s with one-minute tokens: %d tokens issued, %d requests refused"
                            + " for an expired token, %d answers 401 in all", ran.toSeconds(), tokens.issued(),
                            tokens.expiredRefusals(), unauthorized));
                    if (ran.compareTo(Duration.ofSeconds(90)) < 0) {
                        run.fail("the run was too short to see a token expire and be refreshed");
                    }
                    // Scanner and updater each need a new token at least every half minute of a one-minute lifetime.
                    if (tokens.issued() < 4) {
                        run.fail("only " + tokens.issued() + " tokens issued: the clients did not refresh");
                    }
                    if (tokens.expiredRefusals() > 0) {
                        run.fail(tokens.expiredRefusals() + " requests went out with an expired token");
                    }
                });
    }

    /**
     * r. Horizontal scaling as Kubernetes does it, with processes: generator, uploader and updater at three replicas in
     * their consumer groups (the scanner stays one: decision 0007), the deployment's quota {@value #QUOTA_RPM}/min shared
     * as 60/min per generator. After 30 products one replica of each is stopped (SIGTERM, as a scale-down) and a new
     * one started. The image API's 429 counter shows whether the generators kept to the quota together.
     */
    static FaultScenario threeReplicasEach() {
        int replicas = 3;
        FaultScenario scenario = FaultScenario.named("r", "3 replicas per stage, one stopped and one started mid-run")
                .env(Service.IMAGE_GENERATOR, "AZURE_OPENAI_RPM", String.valueOf(QUOTA_RPM / replicas))
                .setup(quota())
                // A generator stopped with calls in flight may leave them to another replica: the stated bound.
                .generatorCrashes(1)
                .timeout(Duration.ofMinutes(10))
                .midRun(30, run -> {
                    for (Service service : List.of(Service.IMAGE_GENERATOR, Service.BLOB_UPLOADER, Service.CATALOG_UPDATER)) {
                        run.runner.services().stopReplica(service, 1);
                        run.runner.services().startReplica(service, replicas);
                        run.log(service.module + ": replica 1 stopped, replica " + replicas + " started");
                    }
                    for (Service service : List.of(Service.IMAGE_GENERATOR, Service.BLOB_UPLOADER, Service.CATALOG_UPDATER)) {
                        if (!FaultRun.awaitCondition(() -> run.runner.services().isReplicaReady(service, replicas),
                                Duration.ofMinutes(3))) {
                            run.fail(service.module + " replica " + replicas + " not ready within 3 min");
                        }
                    }
                    run.note("running replicas after the change: generator "
                            + run.runner.services().runningReplicas(Service.IMAGE_GENERATOR) + ", uploader "
                            + run.runner.services().runningReplicas(Service.BLOB_UPLOADER) + ", updater "
                            + run.runner.services().runningReplicas(Service.CATALOG_UPDATER));
                })
                .check(throughput(replicas));
        for (Service service : List.of(Service.IMAGE_GENERATOR, Service.BLOB_UPLOADER, Service.CATALOG_UPDATER)) {
            scenario.replicas(service, replicas);
        }
        return scenario;
    }

    /** r1. Baseline for r: one process per stage, the whole quota for the one generator. */
    static FaultScenario oneReplicaEach() {
        return FaultScenario.named("r1", "baseline for r: 1 process per stage, the same quota")
                .env(Service.IMAGE_GENERATOR, "AZURE_OPENAI_RPM", String.valueOf(QUOTA_RPM))
                .setup(quota())
                .timeout(Duration.ofMinutes(10))
                .check(throughput(1));
    }

    private static FaultScenario.Step quota() {
        return run -> run.stack().imageApi().configure(ImageApiEmulator.Config.change()
                .withLatency(Scenarios.MODEL_LATENCY).withJitter(Duration.ofMillis(500))
                .withRequestsPerMinute(DEPLOYMENT, QUOTA_RPM));
    }

    /** Products per minute from the first request to the last product's completion, and the image API's 429s. */
    private static FaultScenario.Check throughput(int replicas) {
        return (run, observed) -> {
            List<Instant> requested = observed.history().stream().filter(s -> s.state() == State.REQUESTED)
                    .map(ProductStatus::at).sorted().toList();
            // Each product once, at its first completion: a duplicate generation completes a product a second time.
            List<Instant> completed = observed.history().stream().filter(s -> s.state() == State.COMPLETED)
                    .collect(java.util.stream.Collectors.toMap(ProductStatus::productId, ProductStatus::at,
                            (a, b) -> a.isBefore(b) ? a : b))
                    .values().stream().sorted().toList();
            if (requested.isEmpty() || completed.size() < 2) {
                run.fail("too little completed to measure throughput");
                return;
            }
            double minutes = Duration.between(requested.get(0), completed.get(completed.size() - 1)).toMillis() / 60_000.0;
            long requests = run.stack().imageApi().stats().requests(DEPLOYMENT);
            long throttled = run.stack().imageApi().stats().throttled(DEPLOYMENT);
            run.note(String.format("%d replica(s) per stage, %d/min per generator: %d completed in %.1f min = %.1f "
                            + "products/min; image API %d requests, %d answered 429 (quota %d/min)", replicas,
                    QUOTA_RPM / replicas, completed.size(), minutes, completed.size() / minutes, requests, throttled,
                    QUOTA_RPM));
            if (throttled > Math.max(2, requests / 50)) {
                run.fail(throttled + " of " + requests + " image calls were 429: the generators together exceeded the"
                        + " quota");
            }
        };
    }
}
