package com.catalogimage.contracts;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The image price table, in configuration: defaults ship in this jar's {@code META-INF/microprofile-config.properties}
 * and any service overrides them. Shared by the scanner's estimate and the generator's cost accounting.
 */
@ConfigMapping(prefix = "pricing")
public interface PricingConfig {

    /** List price of one image in USD, keyed {@code model/quality/size}, e.g. {@code gpt-image-1/low/1024x1024}. */
    Map<String, BigDecimal> prices();

    /** The price of one image, if the table knows the combination ({@code auto} size is priced as 1024x1024). */
    default Optional<BigDecimal> price(String model, String quality, String size) {
        String priced = "auto".equals(size) ? "1024x1024" : size;
        return Optional.ofNullable(prices().get(model + "/" + quality + "/" + priced));
    }
}
