package com.catalogimage.generator.health;

import com.catalogimage.generator.client.DeploymentPool;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.messaging.PaidLedgerConsumer;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.messaging.health.ReadinessReason;
import com.catalogimage.messaging.pause.ConsumptionPause;
import com.catalogimage.messaging.status.StatusMemory;
import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the status topic or the ledger of paid images is still being read (duplicates could not be recognised) and once the image API has
 * refused to serve anything (configuration error, blocked resource), with the reason. A spent budget keeps it UP (the
 * generator is fine, it waits on purpose) and says so in the details. It never calls the API: the only call there is
 * costs an image. The API's real answers to real requests, and the pause's probe (a held request), are the probe.
 *
 * <p>The answer names the deployments and the model, never the endpoint, the API's error text or the budget's figures:
 * anyone who reaches the port reads it. The pause and the budget log the details when they start.
 */
@Readiness
@ApplicationScoped
public class ImageApiReadiness implements HealthCheck {

    private final ConsumptionPause pause;
    private final GeneratorConfig config;
    private final DeploymentPool pool;
    private final StatusMemory memory;
    private final Budget budget;
    private final PaidLedgerConsumer ledger;
    private final Optional<ImageModelProfile> profile;

    public ImageApiReadiness(ConsumptionPause pause, GeneratorConfig config, DeploymentPool pool, StatusMemory memory,
            Budget budget, PaidLedgerConsumer ledger, ImageModels models) {
        this.profile = models.profile(config.model());
        this.pause = pause;
        this.config = config;
        this.pool = pool;
        this.memory = memory;
        this.budget = budget;
        this.ledger = ledger;
    }

    static final String BUDGET_REACHED = "daily budget reached";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Image API")
                .withData("deployment", pool.members().stream().map(DeploymentPool.Member::deployment)
                        .collect(Collectors.joining(",")))
                .withData("model", config.model());
        budget.reached().ifPresent(why -> response.withData("budget", BUDGET_REACHED));
        // a model retiring within 60 days (docs/decisions/0028): still UP, the date for whoever watches readiness
        profile.filter(p -> p.retiresWithinWarning(LocalDate.now(ZoneOffset.UTC)).isPresent())
                .flatMap(ImageModelProfile::retires)
                .ifPresent(date -> response.withData("model-retires", date.toString()));
        var reason = pause.reason();
        if (reason.isPresent()) {
            return response.down().withData("halted", reason.get().failureClass().name())
                    .withData("reason", ReadinessReason.paused("the image API", reason.get().failureClass(),
                            reason.get().detail()))
                    .withData("since", reason.get().since().toString()).build();
        }
        if (!memory.caughtUp()) {
            return response.down().withData("status-topic", "reading image-status from the beginning: "
                    + memory.behind() + " records to go").build();
        }
        if (!ledger.caughtUp()) {
            return response.down().withData("ledger", "reading paid-generations from the beginning: "
                    + ledger.behind() + " records to go").build();
        }
        return response.up().build();
    }
}
