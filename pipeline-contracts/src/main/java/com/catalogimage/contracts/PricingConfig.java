package com.catalogimage.contracts;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The chat models' price table, in configuration: defaults ship in this jar's
 * {@code META-INF/microprofile-config.properties} and any service overrides them. Image models' prices live in their
 * profiles ({@link ImageModels}).
 */
@ConfigMapping(prefix = "pricing")
public interface PricingConfig {

    /**
     * List price of chat and vision models in USD per million tokens, keyed {@code model/input} and
     * {@code model/output}, e.g. {@code gpt-5-mini/input}. Used for the quality check, rewrites and prompt ideas.
     */
    Map<String, BigDecimal> chatPerMillionTokens();

    /**
     * Tokens one quality check is expected to take, for estimates before any check was made: prompt tokens (the
     * instructions, the product's text and a low-detail image) and completion tokens (the verdict).
     */
    @io.smallrye.config.WithDefault("1200")
    long qualityCheckInputTokens();

    /** Completion tokens one quality check is expected to take (the verdict and its reasoning), for estimates. */
    @io.smallrye.config.WithDefault("600")
    long qualityCheckOutputTokens();

    /** What a chat call cost, if the table knows the model. */
    default Optional<BigDecimal> chatCost(String model, long inputTokens, long outputTokens) {
        BigDecimal in = chatPerMillionTokens().get(model + "/input");
        BigDecimal out = chatPerMillionTokens().get(model + "/output");
        if (in == null || out == null) {
            return Optional.empty();
        }
        return Optional.of(in.multiply(BigDecimal.valueOf(inputTokens)).add(out.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(BigDecimal.valueOf(1_000_000), 6, java.math.RoundingMode.HALF_UP));
    }
}
