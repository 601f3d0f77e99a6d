package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.GeneratedImage;

/** For {@code value.deserializer} of channels carrying {@link GeneratedImage}. */
public class GeneratedImageDeserializer extends JsonDeserializer<GeneratedImage> {
    public GeneratedImageDeserializer() {
        super(GeneratedImage.class);
    }
}
