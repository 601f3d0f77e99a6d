package com.catalogimage.localstack.dab;

import java.util.List;
import java.util.Map;

/** What a handler answers: status, a JSON body (null for none) and extra headers. */
record DabResponse(int status, Object body, Map<String, String> headers) {

    static DabResponse ok(List<Map<String, Object>> rows) {
        return new DabResponse(200, Map.of("value", rows), Map.of());
    }

    static DabResponse created(String location, List<Map<String, Object>> rows) {
        return new DabResponse(201, Map.of("value", rows), Map.of("Location", location));
    }

    static DabResponse noContent() {
        return new DabResponse(204, null, Map.of());
    }
}
