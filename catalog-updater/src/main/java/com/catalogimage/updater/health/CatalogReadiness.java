package com.catalogimage.updater.health;

import com.catalogimage.updater.client.Catalog;
import com.catalogimage.updater.service.ConsumptionPause;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
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
        Optional<ConsumptionPause.Reason> paused = pause.reason();
        if (paused.isPresent()) {
            return HealthCheckResponse.named(NAME).down().withData("mode", catalog.mode().name())
                    .withData("paused", paused.get().failureClass().name())
                    .withData("error", paused.get().detail())
                    .withData("since", paused.get().since().toString()).build();
        }
        try {
            catalog.ping();
            return HealthCheckResponse.named(NAME).up().withData("mode", catalog.mode().name()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("mode", catalog.mode().name())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
