package com.catalogimage.runner.faults;

import com.catalogimage.localstack.dab.CatalogFiller;

import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A scenario while it runs: the pipeline, the catalog it started with, and what the scenario noted or found wrong. */
final class FaultRun {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final FaultScenario scenario;
    final PipelineRunner runner;
    final CatalogFiller.Catalog catalog;
    final List<String> notes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    FaultRun(FaultScenario scenario, PipelineRunner runner, CatalogFiller.Catalog catalog) {
        this.scenario = scenario;
        this.runner = runner;
        this.catalog = catalog;
    }

    LocalStack stack() {
        return runner.stack();
    }

    String bootstrap() {
        return stack().kafka().bootstrapServers();
    }

    void note(String text) {
        notes.add(text);
        log(text);
    }

    void fail(String text) {
        failures.add(text);
        log("FAIL: " + text);
    }

    void log(String text) {
        System.out.println("[fault " + scenario.id + "] " + text);
    }

    int completedSinceStart() {
        return runner.board().eventsSince().getOrDefault(State.COMPLETED, 0);
    }

    /** Waits until {@code count} products have completed since the run started; false after the timeout. */
    boolean awaitCompleted(int count, Duration timeout) {
        return awaitCondition(() -> completedSinceStart() >= count, timeout);
    }

    static boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(250));
        }
        return true;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code kill -9}, {@code down} of nothing, then the same service started again and waited for. */
    void crash(Service service, Duration down) {
        log("kill -9 " + service.module + " (" + completedSinceStart() + " completed so far)");
        runner.services().kill(service);
        pause(down);
        runner.services().start(service);
        if (!awaitCondition(() -> runner.services().isReady(service), Duration.ofMinutes(3))) {
            fail(service.module + " not ready within 3 min of its restart; see " + runner.services().logFile(service));
        }
        log(service.module + " restarted and ready");
    }

    /** The service's readiness: status code and body. */
    HttpResponse<String> readiness(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(runner.services().url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(service.module + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
