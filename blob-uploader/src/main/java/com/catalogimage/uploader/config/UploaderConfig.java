package com.catalogimage.uploader.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the uploader accepts and where it stores it. */
@ConfigMapping(prefix = "uploader")
public interface UploaderConfig {

    /**
     * Largest image accepted, in bytes. A gpt-image PNG at 1536x1024 is 2-4 MB; anything far beyond that is not a catalog
     * photo. Must stay below the topics' record limit ({@code Topics.MAX_MESSAGE_BYTES}).
     */
    @WithDefault("10485760")
    int maxImageBytes();

    /**
     * Longest side accepted, in pixels, checked on the header before anything is decoded (a small file can declare a
     * huge raster: a decompression bomb). The image models produce at most 1792.
     */
    @WithDefault("4096")
    int maxDimension();

    /** Shortest side accepted, in pixels: below this the image cannot be a catalog photo. */
    @WithDefault("64")
    int minDimension();

    /**
     * Folder inside the container the images go to ({@code BLOB_PREFIX}); letters, digits, {@code . _ -} and {@code /}
     * between segments; empty for the container's root.
     */
    @WithDefault("images")
    String blobPrefix();

    /**
     * Base of the URLs written to the catalog, for example a CDN in front of the container
     * ({@code https://cdn.example.com/products}); the blob name is appended. Unset: the blob's own URL. Either way the URL
     * is absolute and carries no SAS token.
     */
    Optional<String> publicBaseUrl();

    /**
     * Whether a person approves each image before it is published ({@code REVIEW_MODE}): {@code auto} publishes every
     * verified image at once; {@code manual} stores it in the private review container
     * ({@link Storage#reviewContainer()}) and publishes it only when a reviewer approves it on {@code review-decisions}.
     */
    @WithDefault("auto")
    ReviewMode reviewMode();

    /** The Blob Storage account and container. */
    Storage storage();

    /** What happens to a verified image. */
    enum ReviewMode {
        /** Published at once: public container, catalog. */
        AUTO,
        /** Held in the review container until a reviewer decides. */
        MANUAL
    }

    /** Pausing on configuration errors (401, 403, a missing container). */
    Pause pause();

    /** While consuming is paused, how often the cheap storage probe runs to find out whether it may resume. */
    interface Pause {

        /** Interval between probes ({@code PAUSE_PROBE_INTERVAL}), e.g. {@code 10s}. */
        @WithDefault("10s")
        Duration probeInterval();
    }

    /**
     * Connection to Blob Storage. Exactly one auth mode: a connection string; an account URL plus a SAS token; or an
     * account URL alone, which authenticates with {@code DefaultAzureCredential} (managed identity, workload identity,
     * environment, Azure CLI).
     */
    interface Storage {

        /** A storage connection string ({@code AZURE_STORAGE_CONNECTION_STRING}): the local stack, or an account key. */
        Optional<String> connectionString();

        /** The blob endpoint, for example {@code https://myaccount.blob.core.windows.net} ({@code AZURE_STORAGE_ACCOUNT_URL}). */
        Optional<String> accountUrl();

        /**
         * A SAS token for {@link #accountUrl()} ({@code AZURE_STORAGE_SAS_TOKEN}), with or without the leading {@code ?}:
         * the seed's way. Needs create and write on blobs (and read on the container for readiness).
         */
        Optional<String> sasToken();

        /** The container ({@code AZURE_STORAGE_CONTAINER}): the seed's {@code products}. */
        @WithDefault("products")
        String container();

        /**
         * The container images wait in for a reviewer in {@code REVIEW_MODE=manual}
         * ({@code AZURE_STORAGE_REVIEW_CONTAINER}), in the same account. Created private when missing (whatever
         * {@link #publicAccess()} says) and refused while it allows anonymous reads: an image nobody approved must not
         * be readable by the public.
         */
        @WithDefault("products-review")
        String reviewContainer();

        /**
         * Create the container at startup when it is missing. Turn off where the identity may only write blobs (a
         * container-scoped SAS, a narrow role assignment) and the container is provisioned separately.
         */
        @WithDefault("true")
        boolean createContainer();

        /**
         * Anonymous read access of a container this service creates ({@code AZURE_STORAGE_PUBLIC_ACCESS}): {@code blob}
         * (anyone with the URL reads an image, as in the seed), {@code container} (and lists them) or {@code none}
         * (images served through a CDN or proxy with its own access). Accounts with public access disallowed need
         * {@code none}.
         */
        @WithDefault("blob")
        PublicAccess publicAccess();
    }

    enum PublicAccess {
        BLOB, CONTAINER, NONE
    }
}
