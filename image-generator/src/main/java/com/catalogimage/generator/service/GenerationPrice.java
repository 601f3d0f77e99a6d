package com.catalogimage.generator.service;

import com.catalogimage.contracts.ImageModels;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.generator.config.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The list price of one image with the configured model, quality and size (the pool runs one model), and what its
 * quality check is expected to cost before it is made (the price table's expected tokens per check).
 */
@ApplicationScoped
public class GenerationPrice {

    private static final Logger LOG = Logger.getLogger(GenerationPrice.class);

    private final Optional<BigDecimal> perImage;
    private final BigDecimal expectedCheck;

    public GenerationPrice(GeneratorConfig config, PricingConfig pricing, ImageModels models) {
        this.perImage = models.profile(config.model())
                .flatMap(profile -> profile.estimate(config.quality(), config.size(), 1, false));
        if (perImage.isEmpty()) {
            LOG.warnf("No price for %s/%s/%s in image-models.profiles: costs are not recorded and a cost cap counts "
                    + "nothing", config.model(), config.quality(), config.size());
        }
        this.expectedCheck = config.qualityCheck().mode() == GeneratorConfig.QualityMode.OFF ? BigDecimal.ZERO
                : pricing.chatCost(config.chat().model(), pricing.qualityCheckInputTokens(),
                        pricing.qualityCheckOutputTokens()).orElse(BigDecimal.ZERO);
    }

    /** What the budget holds back for a call in flight: its image and its check, which are paid for together. */
    public BigDecimal perCall() {
        return perImage.orElse(BigDecimal.ZERO).add(expectedCheck);
    }

    public Optional<BigDecimal> perImage() {
        return perImage;
    }
}
