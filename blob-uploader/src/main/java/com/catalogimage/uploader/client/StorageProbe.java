package com.catalogimage.uploader.client;

import com.azure.storage.blob.BlobContainerClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One Get Container Properties: it fails with the same 401/403 as an upload when the credentials are wrong, and says
 * whether the container exists. Cheap enough to run every few seconds while consuming is paused.
 */
@ApplicationScoped
public class StorageProbe {

    private final BlobContainerClient container;

    public StorageProbe(BlobContainerClient container) {
        this.container = container;
    }

    public void check() {
        if (!container.exists()) {
            throw new IllegalStateException("container " + container.getBlobContainerName() + " does not exist");
        }
    }
}
