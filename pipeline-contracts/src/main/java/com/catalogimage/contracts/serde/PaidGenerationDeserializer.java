package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.PaidGeneration;

/** For {@code value.deserializer} of channels carrying {@link PaidGeneration}. */
public class PaidGenerationDeserializer extends JsonDeserializer<PaidGeneration> {
    public PaidGenerationDeserializer() {
        super(PaidGeneration.class);
    }
}
