package com.catalogimage.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The part of the fault matrix every build runs: poison records (g), hostile product text (h) and storage down for
 * 30 s (c), each on a catalog of 200+ products through the four packaged services. {@link FullFaultMatrixTest} runs
 * all nine scenarios on demand ({@code -Dfault-matrix=full}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixSubsetTest {

    static final List<ScenarioResult> RESULTS = new ArrayList<>();
    static final long STARTED = System.nanoTime();

    @Test
    @Order(1)
    void poisonRecordsOnEveryTopicEndAsDeadLettersAndNothingIsLost() throws Exception {
        passes(Scenarios.poisonRecords());
    }

    @Test
    @Order(2)
    void hostileProductTextIsCleanedIntoBoundedPromptsAndCrashesNothing() throws Exception {
        passes(Scenarios.hostileText());
    }

    @Test
    @Order(3)
    void storageDownForThirtySecondsLosesNothingAndWritesNothingTwice() throws Exception {
        passes(Scenarios.azuriteDown());
    }

    static void passes(FaultScenario scenario) throws Exception {
        ScenarioResult result = FaultMatrix.run(scenario);
        RESULTS.add(result);
        assertThat(result.failures()).as("%s. %s", scenario.id, scenario.title).isEmpty();
    }

    @AfterAll
    static void writeTheTable() {
        FaultMatrix.report("subset", "./mvnw -B verify (FaultMatrixSubsetTest)", RESULTS,
                Duration.ofNanos(System.nanoTime() - STARTED));
    }
}
