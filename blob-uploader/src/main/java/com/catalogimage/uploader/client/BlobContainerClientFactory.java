package com.catalogimage.uploader.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.catalogimage.uploader.config.UploaderConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the container client in one of three auth modes. Plain Java so tests can build a client for any mode; the
 * application gets its one client from {@link BlobStorageProducer}.
 */
public final class BlobContainerClientFactory {

    /** How the client authenticates; never logged with the secret itself. */
    public enum AuthMode {
        CONNECTION_STRING, SAS_TOKEN, MANAGED_IDENTITY
    }

    private BlobContainerClientFactory() {
    }

    /** The auth mode the configuration asks for, refusing ambiguous or empty configurations. */
    public static AuthMode authMode(UploaderConfig.Storage storage) {
        boolean connectionString = present(storage.connectionString());
        boolean accountUrl = present(storage.accountUrl());
        if (connectionString && accountUrl) {
            throw new IllegalStateException("Blob Storage: set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, "
                    + "not both");
        }
        if (connectionString) {
            return AuthMode.CONNECTION_STRING;
        }
        if (!accountUrl) {
            throw new IllegalStateException("Blob Storage is not configured: set AZURE_STORAGE_CONNECTION_STRING, or "
                    + "AZURE_STORAGE_ACCOUNT_URL (with AZURE_STORAGE_SAS_TOKEN, or alone for managed identity)");
        }
        if (storage.accountUrl().get().contains("?")) {
            // Most likely a SAS pasted into the URL: it would end up in every URL the SDK builds, and in the catalog.
            throw new IllegalStateException("AZURE_STORAGE_ACCOUNT_URL must not carry a query string; put a SAS token in "
                    + "AZURE_STORAGE_SAS_TOKEN");
        }
        return present(storage.sasToken()) ? AuthMode.SAS_TOKEN : AuthMode.MANAGED_IDENTITY;
    }

    public static BlobContainerClient create(UploaderConfig.Storage storage) {
        return create(storage, storage.container());
    }

    /** A client of another container of the same account, with the same credentials. */
    public static BlobContainerClient create(UploaderConfig.Storage storage, String container) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .httpClient(httpClient())
                // One try per call: the uploader's @Retry is the only retry layer, so the two never multiply.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null));
        switch (authMode(storage)) {
            case CONNECTION_STRING -> builder.connectionString(storage.connectionString().get());
            case SAS_TOKEN -> builder.endpoint(storage.accountUrl().get()).sasToken(storage.sasToken().get());
            case MANAGED_IDENTITY -> builder.endpoint(storage.accountUrl().get())
                    .credential(new DefaultAzureCredentialBuilder().build());
        }
        return builder.buildClient().getBlobContainerClient(container);
    }

    /** The JDK's HTTP client: it depends on nothing Quarkus also ships (see docs/decisions/0004). */
    private static HttpClient httpClient() {
        return new JdkHttpClientBuilder()
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
