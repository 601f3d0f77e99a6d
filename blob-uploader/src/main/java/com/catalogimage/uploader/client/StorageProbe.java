package com.catalogimage.uploader.client;

import com.azure.storage.blob.BlobContainerClient;
import com.catalogimage.uploader.config.UploaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Get Container Properties: it fails with the same 401/403 as an upload when the credentials are wrong, and says
 * whether the container exists. Cheap enough to run every few seconds while consuming is paused. In
 * {@code REVIEW_MODE=manual} the review container too, which must also be private; in {@code REVIEW_MODE=auto} once a
 * call's variants were stored there ({@link #reviewInUse()}, decision 0031), not before: a deployment that never makes
 * variants needs no review container.
 */
@ApplicationScoped
public class StorageProbe {

    private final BlobContainerClient container;
    private final BlobContainerClient review;
    private final AtomicBoolean inUse;

    @Inject
    public StorageProbe(BlobContainerClient container, ReviewContainer review, UploaderConfig config) {
        this(container, review.client(), config.reviewMode() == UploaderConfig.ReviewMode.MANUAL);
    }

    public StorageProbe(BlobContainerClient container, BlobContainerClient review) {
        this(container, review, review != null);
    }

    private StorageProbe(BlobContainerClient container, BlobContainerClient review, boolean inUse) {
        this.container = container;
        this.review = review;
        this.inUse = new AtomicBoolean(inUse);
    }

    /** From now on the review container is checked too: something was stored there (auto mode's variants). */
    public void reviewInUse() {
        inUse.set(true);
    }

    public void check() {
        if (!container.exists()) {
            throw new IllegalStateException("container " + container.getBlobContainerName() + " does not exist");
        }
        checkReview();
    }

    /** Whether the review container is there and private. */
    public void checkReview() {
        if (review == null || !inUse.get()) {
            return;
        }
        // One call: Get Container Properties answers 404 when it is missing, and names its public access level.
        var properties = review.getProperties();
        if (properties.getBlobPublicAccess() != null) {
            throw new IllegalStateException("review container " + review.getBlobContainerName() + " allows anonymous "
                    + "reads (" + properties.getBlobPublicAccess() + "): images awaiting review must be private");
        }
    }
}
