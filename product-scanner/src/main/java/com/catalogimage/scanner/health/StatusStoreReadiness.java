package com.catalogimage.scanner.health;

import com.catalogimage.scanner.service.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the status topic has been read: until then a scan would re-request products in flight. */
@Readiness
@ApplicationScoped
public class StatusStoreReadiness implements HealthCheck {

    private final StatusStore store;

    public StatusStoreReadiness(StatusStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Product status").status(store.caughtUp());
        store.countsByState().forEach((state, count) -> builder.withData(state.name(), count));
        return builder.build();
    }
}
