package com.catalogimage.uploader.service;

/**
 * An image whose bytes were checked: the format is what the magic bytes, the declared type and the decoder agree on.
 *
 * @param bytes  the encoded image, unchanged
 * @param format the verified format
 * @param width  width in pixels
 * @param height height in pixels
 */
public record VerifiedImage(byte[] bytes, ImageFormat format, int width, int height) {

    public String contentType() {
        return format.contentType();
    }
}
