package com.catalogimage.uploader.health;

import com.azure.storage.blob.BlobContainerClient;
import com.catalogimage.messaging.health.ReadinessLog;
import com.catalogimage.messaging.health.ReadinessReason;
import com.catalogimage.messaging.pause.ConsumptionPause;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the container exists and the credentials may see it, and consuming is not paused; DOWN says why in words
 * safe to show anyone who reaches the port (while paused: the failure class, the status storage answered and since
 * when); the full error goes to the log, once.
 */
@Readiness
@ApplicationScoped
public class BlobStorageReadiness implements HealthCheck {

    static final String NAME = "Blob Storage";

    private final BlobContainerClient container;
    private final ConsumptionPause pause;
    private final ReadinessLog log = new ReadinessLog(NAME);

    public BlobStorageReadiness(BlobContainerClient container, ConsumptionPause pause) {
        this.container = container;
        this.pause = pause;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("container", container.getBlobContainerName());
        if (pause.reportTo(response)) {
            return response.build();
        }
        try {
            if (container.exists()) {
                log.up();
                return response.up().build();
            }
            return response.down().withData("error", "the container does not exist").build();
        } catch (RuntimeException e) {
            return response.down().withData("error", log.down(ReadinessReason.probeFailed(NAME, e), e)).build();
        }
    }
}
