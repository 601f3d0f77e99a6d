package com.catalogimage.uploader.health;

import com.azure.storage.blob.BlobContainerClient;
import com.catalogimage.uploader.service.ConsumptionPause;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the container exists and the credentials may see it, and consuming is not paused; DOWN says why (while
 * paused: the failure class, the error and since when).
 */
@Readiness
@ApplicationScoped
public class BlobStorageReadiness implements HealthCheck {

    static final String NAME = "Blob Storage";

    private final BlobContainerClient container;
    private final ConsumptionPause pause;

    public BlobStorageReadiness(BlobContainerClient container, ConsumptionPause pause) {
        this.container = container;
        this.pause = pause;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<ConsumptionPause.Reason> paused = pause == null ? Optional.empty() : pause.reason();
        if (paused.isPresent()) {
            return HealthCheckResponse.named(NAME).down().withData("container", container.getBlobContainerName())
                    .withData("paused", paused.get().failureClass().name())
                    .withData("error", paused.get().detail())
                    .withData("since", paused.get().since().toString()).build();
        }
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
