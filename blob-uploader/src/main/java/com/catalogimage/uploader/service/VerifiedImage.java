package com.catalogimage.uploader.service;

import java.awt.image.BufferedImage;

/**
 * An image whose bytes were checked: the format is what the magic bytes, the declared type and the decoder agree on.
 *
 * @param bytes   the encoded image, unchanged
 * @param format  the verified format
 * @param width   width in pixels
 * @param height  height in pixels
 * @param decoded the pixels the validator's decode produced, every n-th row, no shorter than a thumbnail (the
 *                thumbnail is made from them rather than from a second decode); {@code null} when not decoded here
 */
public record VerifiedImage(byte[] bytes, ImageFormat format, int width, int height, BufferedImage decoded) {

    public VerifiedImage(byte[] bytes, ImageFormat format, int width, int height) {
        this(bytes, format, width, height, null);
    }

    public String contentType() {
        return format.contentType();
    }
}
