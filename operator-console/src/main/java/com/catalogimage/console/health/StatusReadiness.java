package com.catalogimage.console.health;

import com.catalogimage.console.messaging.ConsoleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the status topic has been read: until then every count on every page would be too low. */
@Readiness
@ApplicationScoped
public class StatusReadiness implements HealthCheck {

    private final ConsoleStatus status;

    public StatusReadiness(ConsoleStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        boolean caughtUp = status.caughtUp();
        var builder = HealthCheckResponse.named("Product status").status(caughtUp);
        if (!caughtUp) {
            builder.withData("behind", status.behind());
        }
        return builder.build();
    }
}
