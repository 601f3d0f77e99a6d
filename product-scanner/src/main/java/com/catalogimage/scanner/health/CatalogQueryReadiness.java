package com.catalogimage.scanner.health;

import com.catalogimage.messaging.health.ReadinessLog;
import com.catalogimage.messaging.health.ReadinessReason;
import com.catalogimage.scanner.client.CatalogReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Data API Builder answers; DOWN says why in words safe to show anyone who reaches the port (the status DAB
 * answered, or that it did not answer); the full error goes to the log, once.
 */
@Readiness
@ApplicationScoped
public class CatalogQueryReadiness implements HealthCheck {

    static final String NAME = "Data API Builder";

    private final CatalogReader catalog;
    private final ReadinessLog log = new ReadinessLog(NAME);

    public CatalogQueryReadiness(CatalogReader catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            catalog.ping();
            log.up();
            return HealthCheckResponse.up(NAME);
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", log.down(ReadinessReason.probeFailed(NAME, e), e)).build();
        }
    }
}
