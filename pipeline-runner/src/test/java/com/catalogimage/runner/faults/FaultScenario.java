package com.catalogimage.runner.faults;

import com.catalogimage.localstack.dab.CatalogFiller;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One row of the fault matrix: what the catalog holds, how the services are configured, which fault is applied and
 * when, and what must hold afterwards beyond the matrix's own invariants (0 lost, 0 duplicate writes, duplicate
 * generations within the bound, the expected dead letters, no service exited).
 */
final class FaultScenario {

    /** Something done to the running pipeline. */
    @FunctionalInterface
    interface Step {
        void apply(FaultRun run) throws Exception;
    }

    /** A scenario's own expectations, checked on what the run left behind; it records failures on the run. */
    @FunctionalInterface
    interface Check {
        void verify(FaultRun run, Observed observed) throws Exception;
    }

    /** The generator's default concurrency (GENERATOR_CONCURRENCY): the stated bound per generator crash. */
    static final int DEFAULT_GENERATOR_CONCURRENCY = 4;

    final String id;
    final String title;
    final Map<Service, Map<String, String>> serviceEnvironments = new EnumMap<>(Service.class);
    /**
     * Variables for the runner and its local stack (LocalStack.KAFKA_SECURITY, LOCAL_STACK_DAB_TOKEN_LIFETIME), on top
     * of this JVM's; they reach every service too.
     */
    final Map<String, String> stackEnvironment = new LinkedHashMap<>();
    final Map<String, ReasonCode> expectedDeadLetters = new LinkedHashMap<>();
    Consumer<CatalogFiller.Inserter> extraProducts = inserter -> { };
    Step setup = run -> { };
    int triggerAfterCompleted = -1;
    Step fault = run -> { };
    Check check = (run, observed) -> { };
    boolean waiting;
    int generatorCrashes;
    Duration timeout = Duration.ofMinutes(8);
    /** {@code table} or {@code stored-procedure} (the seed's procedures, the conditional write). */
    String catalogMode = "table";
    /** Processes per service at the start (1 when absent), all in the service's consumer group. */
    final Map<Service, Integer> replicas = new EnumMap<>(Service.class);

    private FaultScenario(String id, String title) {
        this.id = id;
        this.title = title;
        // The sample's "Blue Denim Jeans" trips the emulator's content filter, as it tripped Azure's for the seed.
        expectedDeadLetters.put("Blue Denim Jeans", ReasonCode.CONTENT_POLICY);
    }

    static FaultScenario named(String id, String title) {
        return new FaultScenario(id, title);
    }

    FaultScenario env(Service service, String variable, String value) {
        serviceEnvironments.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(variable, value);
        return this;
    }

    FaultScenario catalogMode(String mode) {
        this.catalogMode = mode;
        return this;
    }

    /** A variable the runner and its local stack read, for example the broker's listener. */
    FaultScenario stack(String variable, String value) {
        stackEnvironment.put(variable, value);
        return this;
    }

    /** {@code count} processes of {@code service} from the start: the service and {@code count - 1} replicas. */
    FaultScenario replicas(Service service, int count) {
        replicas.put(service, count);
        return this;
    }

    FaultScenario products(Consumer<CatalogFiller.Inserter> extras) {
        this.extraProducts = extras;
        return this;
    }

    /** Done once the services are started, before they have done any work. */
    FaultScenario setup(Step step) {
        this.setup = step;
        return this;
    }

    /** The fault, applied once {@code completed} products have completed (0: at once). */
    FaultScenario midRun(int completed, Step step) {
        this.triggerAfterCompleted = completed;
        this.fault = step;
        return this;
    }

    FaultScenario check(Check scenarioCheck) {
        this.check = scenarioCheck;
        return this;
    }

    /** The run does not drain by design: products wait (REQUESTED) and the scenario checks why. */
    FaultScenario waiting() {
        this.waiting = true;
        this.expectedDeadLetters.clear();
        return this;
    }

    /** How many times the generator is killed: each may generate its in-flight requests again. */
    FaultScenario generatorCrashes(int crashes) {
        this.generatorCrashes = crashes;
        return this;
    }

    FaultScenario timeout(Duration drainTimeout) {
        this.timeout = drainTimeout;
        return this;
    }

    int generatorConcurrency() {
        String value = serviceEnvironments.getOrDefault(Service.IMAGE_GENERATOR, Map.of()).get("GENERATOR_CONCURRENCY");
        return value == null ? DEFAULT_GENERATOR_CONCURRENCY : Integer.parseInt(value);
    }

    /** Duplicate generations allowed: none without a crash, at most the requests in flight per generator crash. */
    int duplicateGenerationBound() {
        return generatorCrashes * generatorConcurrency();
    }
}
