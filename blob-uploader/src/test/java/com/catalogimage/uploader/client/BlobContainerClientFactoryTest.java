package com.catalogimage.uploader.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import com.catalogimage.localstack.azurite.Azurite;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.uploader.client.BlobContainerClientFactory.AuthMode;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three auth modes, the SAS one against Azurite with a SAS signed by its well-known development key. */
class BlobContainerClientFactoryTest {

    private static final String CONTAINER = "sas-mode";
    private static Azurite azurite;
    private static BlobServiceClient admin;

    @BeforeAll
    static void createContainer() {
        azurite = AzuriteTestResource.azurite();
        admin = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .httpClient(new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build()).buildClient();
        admin.createBlobContainerIfNotExists(CONTAINER);
    }

    @Test
    void anAccountUrlWithASasTokenUploadsAndKeepsTheTokenOutOfUrls() {
        String sas = sas("rwc");
        TestStorage storage = TestStorage.sas(azurite.blobEndpoint(), "?" + sas, CONTAINER);
        assertThat(BlobContainerClientFactory.authMode(storage)).isEqualTo(AuthMode.SAS_TOKEN);

        BlobContainerClient container = BlobContainerClientFactory.create(storage);
        container.getBlobClient("images/1-sas-check.txt").upload(BinaryData.fromString("written with a SAS"));

        assertThat(admin.getBlobContainerClient(CONTAINER).getBlobClient("images/1-sas-check.txt").downloadContent()
                .toString()).isEqualTo("written with a SAS");
        assertThat(container.getBlobClient("images/1-sas-check.txt").getBlobUrl()).doesNotContain("sig=").doesNotContain("?");
    }

    @Test
    void theSasTokenIsWhatAuthorisesTheClient() {
        BlobContainerClient readOnly = BlobContainerClientFactory.create(
                TestStorage.sas(azurite.blobEndpoint(), sas("r"), CONTAINER));
        assertThatThrownBy(() -> readOnly.getBlobClient("images/2-denied.txt").upload(BinaryData.fromString("no")))
                .isInstanceOfSatisfying(BlobStorageException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    @Test
    void aConnectionStringUploads() {
        TestStorage storage = TestStorage.connectionString(azurite.connectionString(), CONTAINER);
        assertThat(BlobContainerClientFactory.authMode(storage)).isEqualTo(AuthMode.CONNECTION_STRING);
        BlobContainerClient container = BlobContainerClientFactory.create(storage);
        container.getBlobClient("images/3-key.txt").upload(BinaryData.fromString("written with the key"));
        assertThat(container.exists()).isTrue();
    }

    @Test
    void anAccountUrlAloneMeansManagedIdentity() {
        TestStorage storage = new TestStorage(Optional.empty(), Optional.of("https://myaccount.blob.core.windows.net"),
                Optional.of(" "), "products");
        assertThat(BlobContainerClientFactory.authMode(storage)).isEqualTo(AuthMode.MANAGED_IDENTITY);
        assertThat(BlobContainerClientFactory.create(storage).getBlobContainerUrl())
                .isEqualTo("https://myaccount.blob.core.windows.net/products");
    }

    @Test
    void refusesMissingAmbiguousOrLeakyConfiguration() {
        assertThatThrownBy(() -> BlobContainerClientFactory.authMode(
                new TestStorage(Optional.empty(), Optional.empty(), Optional.empty(), "products")))
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> BlobContainerClientFactory.authMode(new TestStorage(Optional.of("UseDevelopmentStorage=true"),
                Optional.of("https://myaccount.blob.core.windows.net"), Optional.empty(), "products")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> BlobContainerClientFactory.authMode(TestStorage.sas(
                "https://myaccount.blob.core.windows.net?sv=2025-01-01&sig=secret", "", "products")))
                .hasMessageContaining("must not carry a query string")
                .message().doesNotContain("secret");
    }

    private static String sas(String permissions) {
        return admin.generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
                AccountSasPermission.parse(permissions), AccountSasService.parse("b"), AccountSasResourceType.parse("sco")));
    }
}
