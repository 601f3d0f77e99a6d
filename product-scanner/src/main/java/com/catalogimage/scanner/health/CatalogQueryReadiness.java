package com.catalogimage.scanner.health;

import com.catalogimage.scanner.client.CatalogReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Data API Builder answers; DOWN says why. */
@Readiness
@ApplicationScoped
public class CatalogQueryReadiness implements HealthCheck {

    private final CatalogReader catalog;

    public CatalogQueryReadiness(CatalogReader catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            catalog.ping();
            return HealthCheckResponse.up("Data API Builder");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("Data API Builder").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
