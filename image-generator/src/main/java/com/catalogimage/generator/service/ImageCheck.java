package com.catalogimage.generator.service;

import com.catalogimage.generator.client.ImageApiException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks what the model sent before anyone pays to store it: base64 that decodes, the format that was asked for (by
 * its signature, not by trust), and a size that fits the inline record. The uploader decodes it fully later.
 */
public final class ImageCheck {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ImageCheck() {
    }

    /** The content type of an output format: {@code png} or {@code jpeg}. */
    public static String contentType(String outputFormat) {
        return switch (outputFormat) {
            case "png" -> "image/png";
            case "jpeg", "jpg" -> "image/jpeg";
            default -> throw new IllegalArgumentException("unsupported output format: " + outputFormat);
        };
    }

    /** The decoded image, or an {@code INVALID_IMAGE} failure saying why not. */
    public static byte[] decode(String base64, String contentType, int maxBytes) {
        if (base64 == null || base64.isEmpty()) {
            throw ImageApiException.invalidImage("the response holds no b64_json image");
        }
        // base64 is 4/3 of the bytes: refuse before decoding what could not fit anyway
        if ((long) base64.length() / 4 * 3 > maxBytes + 2L) {
            throw ImageApiException.invalidImage("image of about " + base64.length() / 4 * 3 + " bytes exceeds " + maxBytes);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ImageApiException.invalidImage("b64_json is not base64: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw ImageApiException.invalidImage("image of " + bytes.length + " bytes exceeds " + maxBytes);
        }
        byte[] signature = "image/png".equals(contentType) ? PNG : JPEG;
        if (bytes.length < signature.length || !Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
            throw ImageApiException.invalidImage("the bytes are not " + contentType + " (" + bytes.length + " bytes)");
        }
        return bytes;
    }
}
