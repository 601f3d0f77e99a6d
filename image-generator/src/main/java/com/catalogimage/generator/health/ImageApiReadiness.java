package com.catalogimage.generator.health;

import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.service.GeneratorHalt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN once the image API has refused to serve anything (configuration error, blocked resource), with the reason.
 * It does not call the API: the only call there is costs an image, and a probe every few seconds would cost a fortune.
 * The API's real answers to real requests are the probe.
 */
@Readiness
@ApplicationScoped
public class ImageApiReadiness implements HealthCheck {

    private final GeneratorHalt halt;
    private final GeneratorConfig config;

    public ImageApiReadiness(GeneratorHalt halt, GeneratorConfig config) {
        this.halt = halt;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Image API")
                .withData("endpoint", config.endpoint())
                .withData("deployment", config.deployment())
                .withData("model", config.model());
        return halt.reason()
                .map(reason -> response.down().withData("halted", reason.failureClass().name())
                        .withData("reason", reason.detail()).withData("since", reason.at().toString()).build())
                .orElseGet(() -> response.up().build());
    }
}
