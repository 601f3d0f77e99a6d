package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.uploader.TestImages;
import com.catalogimage.uploader.client.BlobContainerClientFactory;
import com.catalogimage.uploader.client.TestStorage;
import com.catalogimage.uploader.service.ImageStore.Outcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store without Quarkus (so without its retries): conditional upload against Azurite, and URL building. */
class ImageStoreTest {

    private static final BlobContainerClient SAS_CLIENT = BlobContainerClientFactory.create(
            TestStorage.sas("https://myaccount.blob.core.windows.net", "sv=2025-01-01&sig=c2VjcmV0", "products"));

    @Test
    void storesOnceAndReportsTheSecondUploadAsAlreadyStored() {
        BlobContainerClient container = BlobContainerClientFactory.create(
                TestStorage.connectionString(AzuriteTestResource.azurite().connectionString(), "store-test"));
        container.createIfNotExists();
        ImageStore store = new ImageStore(container, Optional.empty());
        byte[] png = TestImages.png(64, 64, 7);
        VerifiedImage image = new VerifiedImage(png, ImageFormat.PNG, 64, 64);
        String name = "images/7-bar-" + BlobNamer.sha256(png).substring(0, 12) + ".png";

        assertThat(store.upload(name, image, Map.of("productid", "7"))).isEqualTo(Outcome.STORED);
        assertThat(store.upload(name, image, Map.of("productid", "7"))).isEqualTo(Outcome.ALREADY_STORED);

        BlobProperties properties = container.getBlobClient(name).getProperties();
        assertThat(properties.getContentType()).isEqualTo("image/png");
        assertThat(properties.getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(properties.getBlobSize()).isEqualTo(png.length);
    }

    @Test
    void urlsAreTheBlobsOwnWithoutTheSasAndWithoutEscapedSlashes() {
        assertThat(new ImageStore(SAS_CLIENT, Optional.empty()).publicUrl("images/1-bar-0123456789ab.png"))
                .isEqualTo("https://myaccount.blob.core.windows.net/products/images/1-bar-0123456789ab.png");
    }

    @Test
    void urlsUseThePublicBaseWhenOneIsSet() {
        assertThat(new ImageStore(SAS_CLIENT, Optional.of("https://cdn.example.com/products/"))
                .publicUrl("images/1-bar-0123456789ab.png"))
                .isEqualTo("https://cdn.example.com/products/images/1-bar-0123456789ab.png");
        assertThat(new ImageStore(SAS_CLIENT, Optional.of("")).publicUrl("a.png"))
                .isEqualTo("https://myaccount.blob.core.windows.net/products/a.png");
    }

    @Test
    void refusesAPublicBaseThatWouldGiveRelativeOrSignedUrls() {
        assertThatThrownBy(() -> new ImageStore(SAS_CLIENT, Optional.of("/products")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageStore(SAS_CLIENT, Optional.of("cdn.example.com/products")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageStore(SAS_CLIENT, Optional.of("https://cdn.example.com/p?sig=x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
