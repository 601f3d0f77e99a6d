package com.catalogimage.uploader.client;

import com.azure.storage.blob.BlobContainerClient;
import com.catalogimage.uploader.config.UploaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One Get Container Properties: it fails with the same 401/403 as an upload when the credentials are wrong, and says
 * whether the container exists. Cheap enough to run every few seconds while consuming is paused. In
 * {@code REVIEW_MODE=manual} the review container too, which must also be private.
 */
@ApplicationScoped
public class StorageProbe {

    private final BlobContainerClient container;
    private final BlobContainerClient review;

    @Inject
    public StorageProbe(BlobContainerClient container, ReviewContainer review, UploaderConfig config) {
        this(container, config.reviewMode() == UploaderConfig.ReviewMode.MANUAL ? review.client() : null);
    }

    public StorageProbe(BlobContainerClient container, BlobContainerClient review) {
        this.container = container;
        this.review = review;
    }

    public void check() {
        if (!container.exists()) {
            throw new IllegalStateException("container " + container.getBlobContainerName() + " does not exist");
        }
        if (review != null) {
            checkReview();
        }
    }

    /** Whether the review container is there and private. */
    public void checkReview() {
        if (review == null) {
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
