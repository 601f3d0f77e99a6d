package com.catalogimage.uploader.service;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.catalogimage.uploader.client.ReviewContainer;
import com.catalogimage.uploader.config.UploaderConfig;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Writes images to the public container, or in {@code REVIEW_MODE=manual} to the private review container, once per
 * name, and says where the public will find them.
 */
@ApplicationScoped
public class ImageStore {

    /** In-process retries after the first try, within one delivery of the record. */
    static final int MAX_RETRIES = 3;
    /** Images never change under a name (the name holds their hash): caches may keep them for a year. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    /** An image waiting for a reviewer: no shared cache may keep it, even if a URL leaks. */
    public static final String REVIEW_CACHE_CONTROL = "private, no-store";

    /** What an upload did. */
    public enum Outcome {
        STORED, ALREADY_STORED
    }

    /** Which container. */
    public enum Where {
        /** The container the catalog's URLs point into. */
        PUBLIC,
        /** The private container of images waiting for a reviewer. */
        REVIEW
    }

    /** A blob's bytes and what they were stored with. */
    public record Blob(byte[] bytes, String contentType, Map<String, String> metadata) {
    }

    private final BlobContainerClient container;
    private final BlobContainerClient review;
    private final Optional<String> publicBase;
    /** Whether a missing review container may be created here (in auto mode it is created on a variant's first upload). */
    private final boolean createReview;

    @Inject
    public ImageStore(BlobContainerClient container, ReviewContainer review, UploaderConfig config) {
        this(container, review.client(), config.publicBaseUrl(), config.storage().createContainer());
    }

    public ImageStore(BlobContainerClient container, Optional<String> publicBaseUrl) {
        this(container, null, publicBaseUrl);
    }

    public ImageStore(BlobContainerClient container, BlobContainerClient review, Optional<String> publicBaseUrl) {
        this(container, review, publicBaseUrl, false);
    }

    public ImageStore(BlobContainerClient container, BlobContainerClient review, Optional<String> publicBaseUrl,
            boolean createReview) {
        this.container = container;
        this.review = review;
        this.publicBase = publicBaseUrl.filter(base -> !base.isBlank()).map(ImageStore::checkedBase);
        this.createReview = createReview;
    }

    /** An image to the public container (the auto path). */
    public Outcome upload(String blobName, VerifiedImage image, Map<String, String> metadata) {
        return upload(Where.PUBLIC, blobName, image.bytes(), image.contentType(), metadata);
    }

    /**
     * Uploads only if no blob has this name ({@code If-None-Match: *}). The name holds the bytes' hash, so an existing
     * blob holds these bytes: a redelivered record, or a retry after a try that succeeded but timed out, is a no-op.
     * Retried a few times, briefly, on transient failures only (5xx, 408, 429, I/O, timeout): a storage outage longer
     * than that is the failure handling's business, not a reason to hold the partition. A review container that is
     * missing is created private, when this service may create containers, and the upload made again: in
     * {@code REVIEW_MODE=auto} it is needed only once a call returns variants (decision 0031), so it is not created at
     * start-up, where most deployments would never use it.
     */
    @Retry(maxRetries = MAX_RETRIES, delay = 500, jitter = 250, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = StorageFailures.Transient.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public Outcome upload(Where where, String blobName, byte[] bytes, String contentType, Map<String, String> metadata) {
        try {
            return put(where, blobName, bytes, contentType, metadata);
        } catch (BlobStorageException e) {
            if (where != Where.REVIEW || !createReview || !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                throw e;
            }
            // No public access type: private, whatever AZURE_STORAGE_PUBLIC_ACCESS says for the public container.
            review.createIfNotExists();
            return put(where, blobName, bytes, contentType, metadata);
        }
    }

    private Outcome put(Where where, String blobName, byte[] bytes, String contentType, Map<String, String> metadata) {
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                .setHeaders(new BlobHttpHeaders().setContentType(contentType)
                        .setCacheControl(where == Where.PUBLIC ? CACHE_CONTROL : REVIEW_CACHE_CONTROL))
                .setMetadata(metadata)
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
        try {
            // The SDK's own timeout, just under @Timeout's, so a slow try ends as an SDK error rather than an interrupt.
            client(where).getBlobClient(blobName).uploadWithResponse(options, Duration.ofSeconds(14), null);
            return Outcome.STORED;
        } catch (BlobStorageException e) {
            // 409 BlobAlreadyExists is Put Blob's answer to If-None-Match: * (Azure and Azurite alike).
            if (BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())) {
                return Outcome.ALREADY_STORED;
            }
            throw e;
        }
    }

    /**
     * A blob's bytes, content type and metadata: an approved image is read from the review container and written to the
     * public one by this service, which holds the credentials of both, rather than by a server-side copy, which would
     * need the private source readable by URL (a SAS) and could not be checked against the approved image's hash.
     */
    @Retry(maxRetries = MAX_RETRIES, delay = 500, jitter = 250, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = StorageFailures.Transient.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public Blob download(Where where, String blobName) {
        var response = client(where).getBlobClient(blobName).downloadContentWithResponse(null, null,
                Duration.ofSeconds(14), null);
        var headers = response.getDeserializedHeaders();
        return new Blob(response.getValue().toBytes(), headers.getContentType(),
                headers.getMetadata() == null ? Map.of() : headers.getMetadata());
    }

    /** The review container's own URL of a blob: private, readable only with credentials or a SAS. */
    public String reviewUrl(String blobName) {
        return withoutQuery(client(Where.REVIEW).getBlobContainerUrl()) + "/" + blobName;
    }

    private BlobContainerClient client(Where where) {
        if (where == Where.REVIEW && review == null) {
            throw new IllegalStateException("no review container configured");
        }
        return where == Where.PUBLIC ? container : review;
    }

    /**
     * The absolute URL the catalog will hold: under the public base when one is set, else the blob's own, never with a
     * SAS. Built by hand rather than with {@code getBlobUrl()}, which escapes the prefix's {@code /} as {@code %2F}; blob
     * names need no escaping (see {@link BlobNamer}).
     */
    public String publicUrl(String blobName) {
        return publicBase.orElseGet(() -> withoutQuery(container.getBlobContainerUrl())) + "/" + blobName;
    }

    private static String checkedBase(String base) {
        URI uri = URI.create(base.strip());
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("uploader.public-base-url must be an absolute http(s) URL without query or "
                    + "fragment, for example https://cdn.example.com/products");
        }
        return base.strip().replaceAll("/+$", "");
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
