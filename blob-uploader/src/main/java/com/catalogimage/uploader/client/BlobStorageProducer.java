package com.catalogimage.uploader.client;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.options.BlobContainerCreateOptions;
import com.catalogimage.uploader.config.UploaderConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The application's one container client, and the container itself at startup. */
@ApplicationScoped
public class BlobStorageProducer {

    private static final Logger LOG = Logger.getLogger(BlobStorageProducer.class);

    @Produces
    @Singleton
    BlobContainerClient containerClient(UploaderConfig config) {
        UploaderConfig.Storage storage = config.storage();
        BlobContainerClient client = BlobContainerClientFactory.create(storage);
        LOG.infof("Blob Storage: container %s at %s (%s)", storage.container(), client.getAccountUrl(),
                BlobContainerClientFactory.authMode(storage));
        return client;
    }

    @Produces
    @Singleton
    ReviewContainer reviewContainer(UploaderConfig config) {
        return new ReviewContainer(BlobContainerClientFactory.create(config.storage(), config.storage().reviewContainer()));
    }

    /**
     * The review container, in manual mode: always private, whatever {@code AZURE_STORAGE_PUBLIC_ACCESS} says for the
     * public one. One that exists already and allows anonymous reads is not changed here (someone made it so) but
     * refused: readiness stays DOWN and nothing is stored in it ({@link com.catalogimage.uploader.health.BlobStorageReadiness}).
     */
    void createReviewContainer(@Observes StartupEvent startup, UploaderConfig config, ReviewContainer review) {
        if (config.reviewMode() != UploaderConfig.ReviewMode.MANUAL || !config.storage().createContainer()) {
            return;
        }
        create(review.client(), null, "private");
    }

    /**
     * Creates the container when configured to. A failure is logged, not fatal: storage may come up later, and the
     * readiness check reports a missing container until it does.
     */
    void createContainer(@Observes StartupEvent startup, UploaderConfig config, BlobContainerClient container) {
        if (!config.storage().createContainer()) {
            return;
        }
        create(container, publicAccess(config.storage().publicAccess()), config.storage().publicAccess().toString());
    }

    private static void create(BlobContainerClient container, PublicAccessType access, String accessName) {
        try {
            boolean created = container.createIfNotExistsWithResponse(new BlobContainerCreateOptions()
                    .setPublicAccessType(access), null, null).getStatusCode() == 201;
            if (created) {
                LOG.infof("Created container %s (public access: %s)", container.getBlobContainerName(), accessName);
            }
        } catch (BlobStorageException e) {
            LOG.warnf("Cannot create container %s: %s %s. Provision it separately and set uploader.storage.create-container"
                    + "=false, or grant the identity the right to create it", container.getBlobContainerName(),
                    e.getStatusCode(), e.getErrorCode());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot reach Blob Storage to create container %s: %s", container.getBlobContainerName(), e.getMessage());
        }
    }

    static PublicAccessType publicAccess(UploaderConfig.PublicAccess access) {
        return switch (access) {
            case BLOB -> PublicAccessType.BLOB;
            case CONTAINER -> PublicAccessType.CONTAINER;
            case NONE -> null;
        };
    }
}
