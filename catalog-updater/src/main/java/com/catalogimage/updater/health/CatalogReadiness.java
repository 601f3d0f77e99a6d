package com.catalogimage.updater.health;

import com.catalogimage.updater.client.Catalog;
import com.catalogimage.messaging.pause.ConsumptionPause;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Data API Builder answers a cheap read in the configured mode and consuming is not paused; DOWN says why
 * (while paused: the failure class, the error and since when).
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    static final String NAME = "Data API Builder";

    private final Catalog catalog;
    private final ConsumptionPause pause;

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
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
