package com.catalogimage.generator.health;

import com.catalogimage.generator.client.DeploymentPool;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.generator.service.GeneratorHalt;
import com.catalogimage.generator.service.StatusView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the status topic is still being read (duplicates could not be recognised) and once the image API has
 * refused to serve anything (configuration error, blocked resource), with the reason. A spent budget keeps it UP (the
 * generator is fine, it waits on purpose) and says so in the details. It never calls the API: the only call there is
 * costs an image. The API's real answers to real requests, and the halt's probe, are the probe.
 */
@Readiness
@ApplicationScoped
public class ImageApiReadiness implements HealthCheck {

    private final GeneratorHalt halt;
    private final GeneratorConfig config;
    private final DeploymentPool pool;
    private final StatusView view;
    private final Budget budget;

    public ImageApiReadiness(GeneratorHalt halt, GeneratorConfig config, DeploymentPool pool, StatusView view,
            Budget budget) {
        this.halt = halt;
        this.config = config;
        this.pool = pool;
        this.view = view;
        this.budget = budget;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Image API")
                .withData("deployment", pool.members().stream().map(DeploymentPool.Member::deployment)
                        .collect(Collectors.joining(",")))
                .withData("endpoint", pool.members().stream().map(DeploymentPool.Member::endpoint).distinct()
                        .collect(Collectors.joining(",")))
                .withData("model", config.model());
        budget.reached().ifPresent(why -> response.withData("budget", why));
        var reason = halt.reason();
        if (reason.isPresent()) {
            return response.down().withData("halted", reason.get().failureClass().name())
                    .withData("reason", reason.get().detail()).withData("since", reason.get().at().toString()).build();
        }
        if (!view.caughtUp()) {
            return response.down().withData("status-topic", "reading image-status from the beginning: "
                    + view.behind() + " records to go").build();
        }
        return response.up().build();
    }
}
