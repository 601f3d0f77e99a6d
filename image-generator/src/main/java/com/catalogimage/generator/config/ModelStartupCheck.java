package com.catalogimage.generator.config;

import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Refuses to start when the image settings do not fit the model's profile ({@link ModelCheck}): one line naming the
 * setting, its value and what the model takes, instead of a 400 on every request later. Warns when the model retires
 * within 60 days (the readiness check shows the date too).
 */
@ApplicationScoped
public class ModelStartupCheck {

    private static final Logger LOG = Logger.getLogger(ModelStartupCheck.class);

    private final GeneratorConfig config;
    private final ImageModels models;

    public ModelStartupCheck(GeneratorConfig config, ImageModels models) {
        this.config = config;
        this.models = models;
    }

    void check(@Observes StartupEvent start) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Optional<ImageModelProfile> profile = models.profile(config.model());
        ModelCheck.startupProblem(ModelCheck.Configured.of(config), profile, models.profiles().keySet(), today)
                .ifPresent(problem -> {
                    throw new IllegalStateException("Image model configuration error: " + problem);
                });
        profile.flatMap(p -> ModelCheck.retirementWarning(p, today)).ifPresent(LOG::warn);
    }
}
