package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.ImageRequest;

/** For {@code value.deserializer} of the {@code image-requests} channel. */
public class ImageRequestDeserializer extends JsonDeserializer<ImageRequest> {
    public ImageRequestDeserializer() {
        super(ImageRequest.class);
    }
}
