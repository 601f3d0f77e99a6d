package com.catalogimage.runner.faults;

import java.time.Duration;
import java.util.List;

/** One row of the matrix's table, with what was noted and what failed. */
record ScenarioResult(String id, String title, int products, int completed, int skipped, int deadLettered,
                      int waiting, int lost, int duplicateGenerations, int duplicateGenerationBound,
                      int duplicateWrites, Duration wallTime, List<String> notes, List<String> failures) {

    boolean passed() {
        return failures.isEmpty();
    }

    String row() {
        return String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %d (≤ %d) | %d | %s | %s |", id, title, products,
                completed, skipped, deadLettered, waiting, lost, duplicateGenerations, duplicateGenerationBound,
                duplicateWrites, minutes(wallTime), passed() ? "pass" : "**FAIL**");
    }

    static String minutes(Duration duration) {
        return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
