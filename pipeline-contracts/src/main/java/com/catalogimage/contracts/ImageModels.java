package com.catalogimage.contracts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each image model takes and costs, in configuration, not code (docs/decisions/0028): defaults ship in this jar's
 * {@code META-INF/microprofile-config.properties}, and any service overrides or adds a model there or through the
 * environment (e.g. {@code IMAGE_MODELS_PROFILES__GPT_IMAGE_2__RETIRES=2027-10-01}). Shared by the generator (its
 * start-up check, its parameters, its costs), the scanner's estimate and the budget. Read it through
 * {@link ImageModelProfile}.
 */
@ConfigMapping(prefix = "image-models")
public interface ImageModels {

    /** The profiles, keyed by model name ({@code generator.model}), e.g. {@code gpt-image-2}. */
    Map<String, Profile> profiles();

    /**
     * The shipped profiles (this jar's defaults) read without a running application: for plain JUnit tests and
     * tools. Services inject the mapping instead, with their overrides.
     */
    static ImageModels defaults() {
        return new io.smallrye.config.SmallRyeConfigBuilder().addDefaultSources().addDiscoveredConverters()
                .withMapping(ImageModels.class).build().getConfigMapping(ImageModels.class);
    }

    /** The profile of {@code model}, if configured. */
    default Optional<ImageModelProfile> profile(String model) {
        Profile profile = model == null ? null : profiles().get(model);
        return profile == null ? Optional.empty() : Optional.of(ImageModelProfile.of(model, profile));
    }

    /** One model's rules, prices and dates. */
    interface Profile {
        /**
         * The fixed sizes the model takes, e.g. {@code 1024x1024,1024x1536,1536x1024,auto}; unset for a model with a
         * {@link #sizeRule() size rule} instead.
         */
        Optional<List<String>> sizes();

        /** For models with flexible sizes (gpt-image-2): the rule a {@code WIDTHxHEIGHT} size must follow. */
        Optional<SizeRule> sizeRule();

        /** The quality tiers, e.g. {@code low,medium,high,auto}. */
        List<String> qualities();

        /** The output formats Azure serves for it ({@code png,jpeg}; dall-e: {@code png}, fixed). */
        List<String> outputFormats();

        /** The optional parameters it takes; anything else configured for it fails at start-up. */
        @WithDefault("none")
        Set<Parameter> parameters();

        /** The {@code background} values it takes, when it takes the parameter (gpt-image-2: no {@code transparent}). */
        Optional<List<String>> backgrounds();

        /** Whether it answers {@code /images/edits} (reference photos, restyles). */
        @WithDefault("false")
        boolean edits();

        /** The largest {@code n}: how many images one call can make. */
        @WithDefault("1")
        int maxImages();

        /** The longest prompt it takes, in characters. */
        @WithDefault("32000")
        int maxPromptChars();

        /** When Azure deprecated it, if it did. */
        Optional<LocalDate> deprecated();

        /** When Azure retires it (its deployments then answer 404): a warning and a readiness detail 60 days before. */
        Optional<LocalDate> retires();

        /**
         * List price per image in USD keyed {@code quality/size}, e.g. {@code low/1024x1024}: the price when the model
         * is billed per image, and the estimate when no {@link #tokens()} prices are set.
         */
        Map<String, BigDecimal> prices();

        /** Token prices, for models billed per token (the gpt-image family); the cost of a call is its usage. */
        Optional<Tokens> tokens();
    }

    /** Flexible sizes (gpt-image-2): edges multiples of a step, a longest edge, an aspect ratio, a pixel range. */
    interface SizeRule {
        /** Both edges are multiples of this. */
        @WithDefault("16")
        int multipleOf();

        /** The longest edge in pixels. */
        @WithDefault("3840")
        int maxEdge();

        /** The largest ratio of the long edge to the short one. */
        @WithDefault("3")
        double maxAspectRatio();

        /** The fewest pixels (width × height). */
        @WithDefault("655360")
        long minPixels();

        /** The most pixels (width × height). */
        @WithDefault("8294400")
        long maxPixels();

        /** Whether {@code auto} is taken (the model picks). */
        @WithDefault("true")
        boolean auto();
    }

    /** Prices per million tokens, and the output tokens an image is expected to take (for estimates before a call). */
    interface Tokens {
        /** USD per million text input tokens (the prompt). */
        BigDecimal textInputPerMillion();

        /** USD per million image input tokens (reference photos on {@code /images/edits}). */
        BigDecimal imageInputPerMillion();

        /** USD per million image output tokens. */
        BigDecimal imageOutputPerMillion();

        /**
         * Output tokens of one 1024x1024 image per quality tier ({@code output-tokens.low=200}), e.g. {@code low=200}; other sizes scale with their
         * pixel count. Used for estimates and the budget's reservation before the call answers.
         */
        Map<String, Long> outputTokens();

        /** Expected text input tokens of one prompt, for estimates. */
        @WithDefault("300")
        long expectedPromptTokens();

        /** Expected image input tokens of one reference photo at high input fidelity, for estimates. */
        @WithDefault("4500")
        long expectedReferenceTokens();
    }

    /** The optional request parameters a model may take. */
    enum Parameter {
        /** No optional parameter (the default of {@link Profile#parameters()}). */
        NONE,
        /** {@code moderation}: {@code auto} or {@code low}. */
        MODERATION,
        /** {@code background}: see {@link Profile#backgrounds()}. */
        BACKGROUND,
        /** {@code output_compression} 0-100 (jpeg). */
        OUTPUT_COMPRESSION,
        /** {@code output_format}; dall-e takes {@code response_format} instead. */
        OUTPUT_FORMAT,
        /** {@code input_fidelity} {@code low} or {@code high} on {@code /images/edits}. */
        INPUT_FIDELITY
    }
}
