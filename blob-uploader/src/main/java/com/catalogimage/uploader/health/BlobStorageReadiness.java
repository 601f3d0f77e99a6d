package com.catalogimage.uploader.health;

import com.azure.storage.blob.BlobContainerClient;
import com.catalogimage.messaging.health.ReadinessLog;
import com.catalogimage.messaging.health.ReadinessReason;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.uploader.client.StorageProbe;
import com.catalogimage.uploader.messaging.ReviewChannel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the container exists and the credentials may see it (in manual review mode: the review container too,
 * and it is private), the status topic has been read to its end, and consuming is not paused; DOWN says why in words
 * safe to show anyone who reaches the port (while paused: the failure class, the status storage answered and since
 * when); the full error goes to the log, once.
 */
@Readiness
@ApplicationScoped
public class BlobStorageReadiness implements HealthCheck {

    static final String NAME = "Blob Storage";

    private final BlobContainerClient container;
    private final ConsumptionPause pause;
    private final ReviewChannel decisions;
    private final StatusMemory memory;
    private final StorageProbe probe;
    private final ReadinessLog log = new ReadinessLog(NAME);

    public BlobStorageReadiness(BlobContainerClient container, ConsumptionPause pause, ReviewChannel decisions,
            StatusMemory memory, StorageProbe probe) {
        this.container = container;
        this.pause = pause;
        this.decisions = decisions;
        this.memory = memory;
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("container", container.getBlobContainerName());
        if (pause.reportTo(response) || decisions.pause().reportTo(response)) {
            return response.build();
        }
        if (!memory.caughtUp()) {
            // Review decisions wait until then: whether one is stale is not known before.
            return response.down().withData("status-topic", "reading image-status from the beginning: "
                    + memory.behind() + " records to go").build();
        }
        try {
            if (!container.exists()) {
                return response.down().withData("error", "the container does not exist").build();
            }
            probe.checkReview();
            log.up();
            return response.up().build();
        } catch (IllegalStateException e) {
            return response.down().withData("error", e.getMessage()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", log.down(ReadinessReason.probeFailed(NAME, e), e)).build();
        }
    }
}
