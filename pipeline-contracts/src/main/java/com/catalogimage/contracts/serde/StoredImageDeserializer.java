package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.StoredImage;

/** For {@code value.deserializer} of channels carrying {@link StoredImage}. */
public class StoredImageDeserializer extends JsonDeserializer<StoredImage> {
    public StoredImageDeserializer() {
        super(StoredImage.class);
    }
}
