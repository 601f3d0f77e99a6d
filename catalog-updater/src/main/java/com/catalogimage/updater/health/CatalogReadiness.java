package com.catalogimage.updater.health;

import com.catalogimage.updater.client.Catalog;
import com.catalogimage.messaging.health.ReadinessLog;
import com.catalogimage.messaging.health.ReadinessReason;
import com.catalogimage.messaging.pause.ConsumptionPause;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Data API Builder answers a cheap read in the configured mode and consuming is not paused; DOWN says why
 * in words safe to show anyone who reaches the port (while paused: the failure class, the status DAB answered and
 * since when); the full error goes to the log, once.
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    static final String NAME = "Data API Builder";

    private final Catalog catalog;
    private final ConsumptionPause pause;
    private final ReadinessLog log = new ReadinessLog(NAME);

    public CatalogReadiness(Catalog catalog, ConsumptionPause pause) {
        this.catalog = catalog;
        this.pause = pause;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("mode", catalog.mode().name());
        if (pause.reportTo(response)) {
            return response.build();
        }
        try {
            catalog.ping();
            log.up();
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", log.down(ReadinessReason.probeFailed(NAME, e), e)).build();
        }
    }
}
