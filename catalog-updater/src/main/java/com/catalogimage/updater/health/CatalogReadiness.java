package com.catalogimage.updater.health;

import com.catalogimage.updater.client.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Data API Builder answers a cheap read in the configured mode; DOWN says why. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    static final String NAME = "Data API Builder";

    private final Catalog catalog;

    public CatalogReadiness(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            catalog.ping();
            return HealthCheckResponse.named(NAME).up().withData("mode", catalog.mode().name()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("mode", catalog.mode().name())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
