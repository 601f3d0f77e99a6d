package com.catalogimage.localstack.azurite;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzuriteTest {

    @Test
    void uploadsListsAndDownloadsThroughTheAzureSdk() {
        try (Azurite azurite = Azurite.startInMemory()) {
            BlobContainerClient container = client(azurite).createBlobContainerIfNotExists("products");
            byte[] bytes = "not really a png".getBytes(StandardCharsets.UTF_8);

            container.getBlobClient("catalog/7-chocolate-bar-0123456789ab.png").uploadWithResponse(
                    new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                            .setHeaders(new BlobHttpHeaders().setContentType("image/png")), null, null);

            List<String> names = container.listBlobs().stream().map(BlobItem::getName).toList();
            assertThat(names).containsExactly("catalog/7-chocolate-bar-0123456789ab.png");
            var blob = container.getBlobClient(names.get(0));
            assertThat(blob.downloadContent().toBytes()).isEqualTo(bytes);
            assertThat(blob.getProperties().getContentType()).isEqualTo("image/png");
        }
    }

    @Test
    void blobsOnDiskSurviveARestart(@TempDir Path folder) {
        try (Azurite azurite = Azurite.start(folder, 0)) {
            client(azurite).createBlobContainerIfNotExists("products").getBlobClient("kept.txt")
                    .upload(BinaryData.fromString("kept"));
            azurite.stop();
            azurite.startProcess();
            assertThat(client(azurite).getBlobContainerClient("products").getBlobClient("kept.txt")
                    .downloadContent().toString()).isEqualTo("kept");
        }
    }

    private static BlobServiceClient client(Azurite azurite) {
        return new BlobServiceClientBuilder()
                .connectionString(azurite.connectionString())
                .httpClient(new JdkHttpClientBuilder().build())
                .buildClient();
    }
}
