package com.catalogimage.generator.config;

import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels.Parameter;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the configured image settings fit the model's profile (docs/decisions/0028): at start-up (a misfit stops the
 * service with one line naming the setting, its value and what the model takes: a configuration error, never a
 * transient one) and per request (a reference photo on a model without edits, a prompt longer than the model takes:
 * INVALID_REQUEST). Pure: tested by plain JUnit.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    /**
     * The image settings as configured, with the names an operator sets them by.
     *
     * @param referencePhotos whether reference photos are on ({@code REFERENCE_PHOTO_HOSTS} set): then the model must
     *                        answer {@code /images/edits}
     */
    public record Configured(String model, String size, String quality, String outputFormat, String background,
            Integer outputCompression, String moderation, int variants, boolean referencePhotos) {

        public static Configured of(GeneratorConfig config) {
            return new Configured(config.model(), config.size(), config.quality(),
                    config.dallE() ? null : config.outputFormat(), config.background().orElse(null),
                    config.outputCompression().orElse(null), config.moderation().map(String::strip)
                            .filter(m -> !m.isEmpty()).orElse(null),
                    config.variants(), config.referencePhoto().hosts().map(h -> h.stream()
                            .anyMatch(host -> !host.isBlank())).orElse(false));
        }
    }

    /** What one call asks of the model: {@code input_fidelity=high} on edits only where the model takes it. */
    public static ImageModelProfile.Settings settings(Configured c, ImageModelProfile profile, boolean edits) {
        String fidelity = edits && profile.takes(Parameter.INPUT_FIDELITY) ? "high" : null;
        return new ImageModelProfile.Settings(c.size(), c.quality(), c.outputFormat(), c.background(),
                c.outputCompression(), c.moderation(), fidelity, c.variants(), edits);
    }

    /** Why the service must not start, in one line; empty when the configuration fits the model. */
    public static Optional<String> startupProblem(Configured c, Optional<ImageModelProfile> profile,
            Collection<String> knownModels, LocalDate today) {
        if (profile.isEmpty()) {
            return Optional.of("IMAGE_MODEL=%s has no profile in image-models.profiles (known: %s): pick one of them or "
                    .formatted(c.model(), knownModels.stream().sorted().collect(Collectors.joining(", ")))
                    + "add its profile (docs/decisions/0028)");
        }
        ImageModelProfile p = profile.get();
        if (p.retiredBy(today)) {
            return Optional.of("IMAGE_MODEL=%s retired on %s (its deployments answer 404): deploy a current model such "
                    .formatted(c.model(), p.retires().orElseThrow()) + "as gpt-image-2 and set IMAGE_MODEL and "
                    + "IMAGE_DEPLOYMENT");
        }
        if (c.variants() < 1 || c.variants() > GeneratorConfig.MAX_VARIANTS) {
            return Optional.of("IMAGE_VARIANTS=%d: 1 to %d images per call".formatted(c.variants(),
                    GeneratorConfig.MAX_VARIANTS));
        }
        List<String> problems = p.problems(settings(c, p, c.referencePhotos())).stream()
                .map(problem -> setting(c, problem) + ": " + problem).toList();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The start-up warning when the model retires within 60 days, with the date. */
    public static Optional<String> retirementWarning(ImageModelProfile profile, LocalDate today) {
        return profile.retiresWithinWarning(today).map(days -> "IMAGE_MODEL=%s retires on %s, in %d day(s): its "
                .formatted(profile.model(), profile.retires().orElseThrow(), days)
                + "deployments then answer 404 and generation halts; move to a current model (e.g. gpt-image-2)");
    }

    /**
     * Why one request cannot be made with this model, or empty: a request that needs {@code /images/edits} (a
     * reference photo or a restyle) on a model without them, and a prompt (an operator's override) longer than the
     * model takes.
     */
    public static Optional<String> requestProblem(ImageModelProfile profile, Configured c, boolean edits,
            int promptChars) {
        if (edits && !profile.edits()) {
            return Optional.of(profile.model() + " does not answer /images/edits: a reference photo or restyle cannot "
                    + "be made with it");
        }
        if (promptChars > profile.maxPromptChars()) {
            return Optional.of("the prompt has %d characters, %s takes at most %d".formatted(promptChars,
                    profile.model(), profile.maxPromptChars()));
        }
        List<String> problems = profile.problems(settings(c, profile, edits));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The setting (and its value) a line of {@link ImageModelProfile#problems} is about. */
    static String setting(Configured c, String problem) {
        if (problem.contains("output_compression")) {
            return "generator.output-compression=" + c.outputCompression();
        }
        if (problem.contains("background")) {
            return "generator.background=" + c.background();
        }
        if (problem.contains("moderation")) {
            return "IMAGE_MODERATION=" + c.moderation();
        }
        if (problem.contains("/images/edits") || problem.contains("input_fidelity")) {
            return "REFERENCE_PHOTO_HOSTS (reference photos on)";
        }
        if (problem.contains("images per call")) {
            return "IMAGE_VARIANTS=" + c.variants();
        }
        if (problem.contains(" outputs ")) {
            return "IMAGE_OUTPUT_FORMAT=" + c.outputFormat();
        }
        if (problem.contains("quality")) {
            return "IMAGE_QUALITY=" + c.quality();
        }
        return "IMAGE_SIZE=" + c.size();
    }
}
