package com.catalogimage.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** A SmallRye Health answer: overall status and each check with its data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthAnswer(String status, List<Check> checks) {

    public HealthAnswer {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String name, String status, Map<String, Object> data) {
    }
}
