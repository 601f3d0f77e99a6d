package com.catalogimage.generator.service;

import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.generator.config.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a call costs, from the model's profile (docs/decisions/0028): before it is made, the estimate of its
 * {@code n} images (with a reference photo's input when it has one) and of its quality check, which the budget holds
 * back; once it answered, its reported usage (text and image input tokens, output tokens for all its images) at the
 * profile's token prices, or the per-image price for models billed per image.
 */
@ApplicationScoped
public class GenerationPrice {

    private static final Logger LOG = Logger.getLogger(GenerationPrice.class);

    /** A call's reported usage; {@code null} fields when the model reported none. */
    public record Usage(Long textInputTokens, Long imageInputTokens, Long outputTokens) {
    }

    private final Optional<ImageModelProfile> profile;
    private final String quality;
    private final String size;
    private final int variants;
    private final BigDecimal expectedCheck;

    @Inject
    public GenerationPrice(GeneratorConfig config, PricingConfig pricing, ImageModels models) {
        this(models.profile(config.model()), config.quality(), config.size(), config.variants(),
                config.qualityCheck().mode() == GeneratorConfig.QualityMode.OFF ? BigDecimal.ZERO
                        : pricing.chatCost(config.chat().model(), pricing.qualityCheckInputTokens(),
                                pricing.qualityCheckOutputTokens()).orElse(BigDecimal.ZERO));
        if (perImage().isEmpty()) {
            LOG.warnf("No price for %s/%s/%s in image-models.profiles: costs are not recorded and a cost cap counts "
                    + "nothing", config.model(), config.quality(), config.size());
        }
    }

    GenerationPrice(Optional<ImageModelProfile> profile, String quality, String size, int variants,
            BigDecimal expectedCheck) {
        this.profile = profile;
        this.quality = quality;
        this.size = size;
        this.variants = variants;
        this.expectedCheck = expectedCheck;
    }

    /** The estimate of one call of the configured {@code n} images, before it is made. */
    public Optional<BigDecimal> estimate(boolean withReference) {
        return profile.flatMap(p -> p.estimate(quality, size, variants, withReference));
    }

    /**
     * What the budget holds back for a call in flight: its images and its check, which are paid for together.
     */
    public BigDecimal perCall(boolean withReference) {
        return estimate(withReference).orElse(BigDecimal.ZERO).add(expectedCheck);
    }

    /** {@link #perCall(boolean)} of a call without a reference photo. */
    public BigDecimal perCall() {
        return perCall(false);
    }

    /**
     * The estimate of one image without a reference photo: the price of ledger entries that carry no cost (older
     * producers).
     */
    public Optional<BigDecimal> perImage() {
        return profile.flatMap(p -> p.estimate(quality, size, 1, false));
    }

    /** What a call of {@code images} images that answered with {@code usage} (null: none reported) cost. */
    public Optional<BigDecimal> cost(int images, boolean withReference, Usage usage) {
        return profile.flatMap(p -> usage == null ? p.estimate(quality, size, images, withReference)
                : p.cost(quality, size, images, withReference, usage.textInputTokens(), usage.imageInputTokens(),
                        usage.outputTokens()));
    }
}
