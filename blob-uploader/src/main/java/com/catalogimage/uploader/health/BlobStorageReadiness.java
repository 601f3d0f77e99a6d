package com.catalogimage.uploader.health;

import com.azure.storage.blob.BlobContainerClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the container exists and the credentials may see it; DOWN says why. */
@Readiness
@ApplicationScoped
public class BlobStorageReadiness implements HealthCheck {

    static final String NAME = "Blob Storage";

    private final BlobContainerClient container;

    public BlobStorageReadiness(BlobContainerClient container) {
        this.container = container;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            if (container.exists()) {
                return HealthCheckResponse.named(NAME).up().withData("container", container.getBlobContainerName()).build();
            }
            return HealthCheckResponse.named(NAME).down().withData("container", container.getBlobContainerName())
                    .withData("error", "the container does not exist").build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("container", container.getBlobContainerName())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
