package com.catalogimage.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.dab.SampleCatalog;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @Test
    void startsEverythingAndKeepsTheCatalogAcrossRestarts(@TempDir Path folder) throws Exception {
        LocalStack.Settings settings = new LocalStack.Settings(folder, 0, 0, 0, 0);
        long inserted;
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.environment()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "AZURE_STORAGE_CONNECTION_STRING",
                    "DAB_URL", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY");
            assertThat(get(stack.environment().get("DAB_URL") + "/api/Products?$first=1")).contains("\"value\"");
            String cdn = stack.supplierPhotos().baseUri().toString();
            assertThat(stack.environment()).containsEntry("SUPPLIER_PHOTOS_URL", cdn)
                    .containsEntry("REFERENCE_PHOTO_HOSTS", stack.supplierPhotos().hostAndPort())
                    .containsEntry("REFERENCE_PHOTO_PRIVATE_ADDRESSES", "true");
            // the sample's reference photos point at the CDN's real port, and it serves them
            String yogaMat = get(stack.environment().get("DAB_URL") + "/api/Products/Id/6");
            assertThat(yogaMat).contains("\"SourceImageUrl\":\"" + cdn + "/photos/6.png\"");
            assertThat(get(cdn + "/photos/6.png")).isNotEmpty();
            inserted = stack.dab().insertProduct("Persistent Teapot", "A cast iron teapot with a bamboo handle.", 3,
                    "tea", new BigDecimal("29.90"), "");
        }
        try (LocalStack again = LocalStack.start(settings)) {
            String row = get(again.dab().baseUri() + "/api/Products/Id/" + inserted);
            assertThat(row).contains("Persistent Teapot");
            String all = get(again.dab().baseUri() + "/api/Products?$first=-1&$select=Id");
            assertThat(all.split("\"Id\"")).hasSize(SampleCatalog.PRODUCT_COUNT + 2); // samples loaded once, plus ours
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
