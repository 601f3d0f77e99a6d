package com.catalogimage.generator.service;

import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.generator.config.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The list price of one image with the configured model, quality and size (the pool runs one model). */
@ApplicationScoped
public class GenerationPrice {

    private static final Logger LOG = Logger.getLogger(GenerationPrice.class);

    private final Optional<BigDecimal> perImage;

    public GenerationPrice(GeneratorConfig config, PricingConfig pricing) {
        this.perImage = pricing.price(config.model(), config.quality(), config.size());
        if (perImage.isEmpty()) {
            LOG.warnf("No price for %s/%s/%s in pricing.prices: costs are not recorded and a cost cap counts nothing",
                    config.model(), config.quality(), config.size());
        }
    }

    public Optional<BigDecimal> perImage() {
        return perImage;
    }
}
