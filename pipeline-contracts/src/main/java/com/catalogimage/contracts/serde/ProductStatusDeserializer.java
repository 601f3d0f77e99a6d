package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.ProductStatus;

/** For {@code value.deserializer} of channels carrying {@link ProductStatus}. */
public class ProductStatusDeserializer extends JsonDeserializer<ProductStatus> {
    public ProductStatusDeserializer() {
        super(ProductStatus.class);
    }
}
