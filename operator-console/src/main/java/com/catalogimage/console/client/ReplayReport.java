package com.catalogimage.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The scanner's answer to a replay: the outcome per dead letter and their counts (its shape, copied). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplayReport(int replayed, int alreadyReplayed, int refused, int failed, List<Result> results) {

    public ReplayReport {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /**
     * @param outcome REPLAYED, ALREADY_REPLAYED, REFUSED or FAILED
     * @param reason  why, for REFUSED and FAILED
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String id, Long productId, String outcome, String requestId, String reason) {
    }
}
