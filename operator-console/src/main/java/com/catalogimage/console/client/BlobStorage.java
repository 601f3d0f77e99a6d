package com.catalogimage.console.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.catalogimage.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The storage account the console lists and signs links for: a connection string with an account key (the local stack:
 * links signed with the key), or an account URL alone, reached with {@code DefaultAzureCredential} (managed identity:
 * links signed with a user-delegation key). The console writes no blob but previews, in a private container of their own.
 */
@ApplicationScoped
public class BlobStorage {

    private static final Logger LOG = Logger.getLogger(BlobStorage.class);

    private final BlobServiceClient service;
    private final boolean accountKey;
    private final ConsoleConfig.Storage config;
    private final String previewContainer;

    public BlobStorage(ConsoleConfig config) {
        this.config = config.storage();
        this.previewContainer = config.generations().previewContainer();
        boolean connectionString = present(this.config.connectionString());
        boolean accountUrl = present(this.config.accountUrl());
        if (connectionString == accountUrl) {
            throw new IllegalStateException("Blob Storage: set exactly one of AZURE_STORAGE_CONNECTION_STRING (an account "
                    + "key) or AZURE_STORAGE_ACCOUNT_URL (managed identity)");
        }
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(httpClient());
        if (connectionString) {
            builder.connectionString(this.config.connectionString().get());
        } else {
            if (this.config.accountUrl().get().contains("?")) {
                throw new IllegalStateException("AZURE_STORAGE_ACCOUNT_URL must not carry a query string (a SAS): the "
                        + "console signs its own read-only links");
            }
            builder.endpoint(this.config.accountUrl().get()).credential(new DefaultAzureCredentialBuilder().build());
        }
        this.service = builder.buildClient();
        this.accountKey = connectionString;
        LOG.infof("Blob Storage: containers %s and %s at %s (%s)", this.config.container(), this.config.reviewContainer(),
                service.getAccountUrl(), accountKey ? "account key" : "managed identity, user-delegation SAS");
    }

    public BlobServiceClient service() {
        return service;
    }

    /** Whether links are signed with the account key (else with a user-delegation key). */
    public boolean accountKey() {
        return accountKey;
    }

    /** The container shoppers' images are in. */
    public BlobContainerClient publicContainer() {
        return service.getBlobContainerClient(config.container());
    }

    /** The private container images wait in for a reviewer. */
    public BlobContainerClient reviewContainer() {
        return service.getBlobContainerClient(config.reviewContainer());
    }

    /**
     * The private container the console stores previews in (the only blobs it writes: {@code POST /generations} with
     * a free prompt, the playground); never one a product page links to.
     */
    public BlobContainerClient previewContainer() {
        return service.getBlobContainerClient(previewContainer);
    }

    /** The blob endpoint's origin ({@code scheme://host[:port]}), the one image source pages may name besides themselves. */
    public String origin() {
        return origin(service.getAccountUrl());
    }

    static String origin(String accountUrl) {
        URI uri = URI.create(accountUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The JDK's HTTP client: it depends on nothing Quarkus also ships (docs/decisions/0004). */
    private static HttpClient httpClient() {
        return new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(5)).build();
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
