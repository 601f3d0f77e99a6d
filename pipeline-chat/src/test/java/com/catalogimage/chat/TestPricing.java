package com.catalogimage.chat;

import com.catalogimage.contracts.PricingConfig;
import java.math.BigDecimal;
import java.util.Map;

/** The price table's defaults for gpt-5-mini (pipeline-contracts' microprofile-config.properties), without a config. */
final class TestPricing implements PricingConfig {

    static final BigDecimal INPUT_PER_MILLION = new BigDecimal("0.25");
    static final BigDecimal OUTPUT_PER_MILLION = new BigDecimal("2.00");

    @Override
    public Map<String, BigDecimal> chatPerMillionTokens() {
        return Map.of("gpt-5-mini/input", INPUT_PER_MILLION, "gpt-5-mini/output", OUTPUT_PER_MILLION);
    }

    @Override
    public long qualityCheckInputTokens() {
        return 1200;
    }

    @Override
    public long qualityCheckOutputTokens() {
        return 600;
    }
}
