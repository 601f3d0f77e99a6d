package com.catalogimage.scanner.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ImageModels;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.scanner.config.ScannerConfig;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate's lines: images, their quality checks, the total. */
class EstimatePriceTest {

    private static final ScannerConfig.Estimate LOW = new ScannerConfig.Estimate() {
        public String model() {
            return "dall-e-3";
        }

        public String quality() {
            return "standard";
        }

        public String size() {
            return "1024x1024";
        }

        public int variants() {
            return 1;
        }
    };

    /** Three variants a call on the default model. */
    private static final ScannerConfig.Estimate VARIANTS = new ScannerConfig.Estimate() {
        public String model() {
            return "gpt-image-2";
        }

        public String quality() {
            return "low";
        }

        public String size() {
            return "1024x1024";
        }

        public int variants() {
            return 3;
        }
    };

    private static final PricingConfig PRICES = new PricingConfig() {
        public Map<String, BigDecimal> chatPerMillionTokens() {
            return Map.of("gpt-5-mini/input", new BigDecimal("0.25"), "gpt-5-mini/output", new BigDecimal("2.00"));
        }

        public long qualityCheckInputTokens() {
            return 1200;
        }

        public long qualityCheckOutputTokens() {
            return 600;
        }
    };

    private static final ImageModels MODELS = ImageModels.defaults();

    @Test
    void everyImageIsFollowedByItsCheckUnlessTheCheckIsOff() {
        var estimate = EstimateResource.priced(10, 0, LOW, "enforce", "gpt-5-mini", PRICES, MODELS, null);
        assertThat(estimate.imagesUsd()).isEqualByComparingTo("0.40");
        // 1,200 prompt tokens at $0.25 and 600 completion tokens at $2.00 per million
        assertThat(estimate.checkUnitPriceUsd()).isEqualByComparingTo("0.0015");
        assertThat(estimate.checksUsd()).isEqualByComparingTo("0.015");
        assertThat(estimate.totalUsd()).isEqualByComparingTo("0.415");
        assertThat(estimate.checkModel()).isEqualTo("gpt-5-mini");
    }

    @Test
    void withTheCheckOffTheChecksCostNothing() {
        var estimate = EstimateResource.priced(10, 0, LOW, " OFF ", "gpt-5-mini", PRICES, MODELS, null);
        assertThat(estimate.qualityCheck()).isEqualTo("off");
        assertThat(estimate.checkModel()).isNull();
        assertThat(estimate.checksUsd()).isEqualByComparingTo("0");
        assertThat(estimate.totalUsd()).isEqualByComparingTo("0.40");
    }

    @Test
    void aChatModelThePriceTableLacksLeavesTheChecksAndTheTotalUnknown() {
        var estimate = EstimateResource.priced(3, 0, LOW, "advisory", "some-other-model", PRICES, MODELS, null);
        assertThat(estimate.imagesUsd()).isEqualByComparingTo("0.12");
        assertThat(estimate.checksUsd()).isNull();
        assertThat(estimate.totalUsd()).isNull();
    }

    @Test
    void everyVariantIsPaidForAndARequestFromAPhotoIsPricedAsAnEditWithItsPhoto() {
        var profile = MODELS.profile("gpt-image-2").orElseThrow();
        BigDecimal call = profile.estimate("low", "1024x1024", 3, false).orElseThrow();
        BigDecimal edit = profile.estimate("low", "1024x1024", 3, true).orElseThrow();

        var estimate = EstimateResource.priced(10, 4, VARIANTS, "advisory", "gpt-5-mini", PRICES, MODELS, null);

        assertThat(estimate.requests()).isEqualTo(10);
        assertThat(estimate.images()).isEqualTo(30);
        assertThat(estimate.fromPhotos()).isEqualTo(4);
        assertThat(estimate.unitPriceUsd()).isEqualByComparingTo(call);
        assertThat(estimate.photoUnitPriceUsd()).isEqualByComparingTo(edit);
        assertThat(call).isGreaterThan(profile.estimate("low", "1024x1024", 1, false).orElseThrow());
        assertThat(estimate.imagesUsd()).isEqualByComparingTo(call.multiply(BigDecimal.valueOf(6))
                .add(edit.multiply(BigDecimal.valueOf(4))));
        // one check a request: it judges the first image only
        assertThat(estimate.checksUsd()).isEqualByComparingTo("0.015");
    }
}
