package com.catalogimage.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Product names and image URLs for the report, read through DAB like the scanner reads them. */
record CatalogNames(Map<Long, String> names, Map<Long, String> imageUrls) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Best effort: a report without names is still a report. */
    static CatalogNames read(Map<String, String> env, String mode) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> images = new HashMap<>();
        String base = env.get("DAB_URL");
        if (base == null) {
            return new CatalogNames(names, images);
        }
        boolean table = "table".equals(mode);
        String path = env.getOrDefault("DAB_REST_PATH", table ? "/api" : "/rest");
        String url = base + path + (table ? "/Products?$select=Id,ProductName,ImageUrl&$first=-1" : "/GetProducts?ProductID=-1");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("$", "%24"))).timeout(Duration.ofSeconds(30));
            if (env.get("DAB_ROLE") != null && !env.get("DAB_ROLE").isBlank()) {
                request.header("X-MS-API-ROLE", env.get("DAB_ROLE"));
            }
            if (env.get("DAB_TOKEN") != null && !env.get("DAB_TOKEN").isBlank()) {
                request.header("Authorization", "Bearer " + env.get("DAB_TOKEN"));
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode row : JSON.readTree(response.body()).path("value")) {
                long id = row.has("Id") ? row.path("Id").asLong() : row.path("ProductID").asLong();
                names.put(id, row.path("ProductName").asText());
                images.put(id, row.path("ImageUrl").asText(""));
            }
        } catch (Exception e) {
            // names are a nicety; the counts come from the status topic
        }
        return new CatalogNames(names, images);
    }
}
