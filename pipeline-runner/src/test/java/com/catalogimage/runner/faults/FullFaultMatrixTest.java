package com.catalogimage.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * All nine scenarios of the fault matrix (about half an hour on two cores), excluded from the normal build. Run with
 * {@code ./mvnw -B -pl pipeline-runner -am verify -Dfault-matrix=full}; {@code -Dfault-matrix.scenarios=a,e} picks
 * some. The table goes to {@code pipeline-runner/target/fault-matrix/full.md}, and into {@code docs/fault-matrix.md} only
 * with {@code -Dfault-matrix.update-docs=true}.
 */
class FullFaultMatrixTest {

    static final List<ScenarioResult> RESULTS = new ArrayList<>();
    static final long STARTED = System.nanoTime();

    @TestFactory
    Stream<DynamicTest> everyScenarioLosesNothingAndPaysForNothingTwice() {
        String chosen = System.getProperty("fault-matrix.scenarios", "");
        Set<String> only = Arrays.stream(chosen.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return Scenarios.all().stream()
                .filter(scenario -> only.isEmpty() || only.contains(scenario.id))
                .map(scenario -> DynamicTest.dynamicTest(scenario.id + ". " + scenario.title, () -> {
                    ScenarioResult result = FaultMatrix.run(scenario);
                    RESULTS.add(result);
                    assertThat(result.failures()).as("%s. %s", scenario.id, scenario.title).isEmpty();
                }));
    }

    @AfterAll
    static void writeTheTable() {
        String scenarios = System.getProperty("fault-matrix.scenarios", "");
        FaultMatrix.report("full", "./mvnw -B -pl pipeline-runner -am verify -Dfault-matrix=full"
                + (scenarios.isBlank() ? "" : " -Dfault-matrix.scenarios=" + scenarios), RESULTS,
                Duration.ofNanos(System.nanoTime() - STARTED));
    }
}
