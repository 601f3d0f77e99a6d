package com.catalogimage.localstack.imageapi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The prompt an image was generated from, carried inside the image: a PNG {@code tEXt} chunk with keyword
 * {@code prompt} (Latin-1, as the PNG specification requires; other characters become {@code ?}), or a JPEG comment
 * ({@code COM}) segment {@code prompt=<text>} (UTF-8). The vision emulator judges an image by the prompt it finds here,
 * which is what lets a test steer a verdict through nothing but the pipeline's own bytes (issue 13's contract).
 * Bounded to {@link #MAX_CHARS}; a malformed image is returned unchanged and read as "no prompt".
 */
final class PromptChunk {

    static final int MAX_CHARS = 2_000;
    static final String KEYWORD = "prompt";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String JPEG_PREFIX = KEYWORD + "=";

    private PromptChunk() {
    }

    /** The image with the prompt embedded (PNG after IHDR, JPEG after SOI and any APP0); other bytes unchanged. */
    static byte[] embed(byte[] image, String prompt) {
        if (prompt == null) {
            return image;
        }
        String bounded = prompt.length() > MAX_CHARS ? prompt.substring(0, MAX_CHARS) : prompt;
        if (isPng(image) && image.length >= 33) {
            return embedPng(image, bounded);
        }
        if (isJpeg(image)) {
            return embedJpeg(image, bounded);
        }
        return image;
    }

    /** The embedded prompt, or null when there is none (or the image cannot be walked). */
    static String read(byte[] image) {
        try {
            if (isPng(image)) {
                return readPng(image);
            }
            if (isJpeg(image)) {
                return readJpeg(image);
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return null;
    }

    static boolean isPng(byte[] image) {
        if (image == null || image.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (image[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isJpeg(byte[] image) {
        return image != null && image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8;
    }

    private static byte[] embedPng(byte[] png, String prompt) {
        // IHDR is always the first chunk: signature (8) + length (4) + type (4) + 13 data bytes + CRC (4) = 33
        int afterIhdr = 8 + 4 + 4 + readInt(png, 8) + 4;
        byte[] text = prompt.replace('\0', ' ').getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.writeBytes(text);
        byte[] chunk = chunk("tEXt", data.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
        buffer.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return buffer.array();
    }

    private static String readPng(byte[] png) {
        int at = PNG_SIGNATURE.length;
        while (at + 12 <= png.length) {
            int length = readInt(png, at);
            if (length < 0 || at + 12L + length > png.length) {
                return null;
            }
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if ("tEXt".equals(type)) {
                int start = at + 8;
                int end = start + length;
                int nul = start;
                while (nul < end && png[nul] != 0) {
                    nul++;
                }
                if (nul < end && KEYWORD.equals(new String(png, start, nul - start, StandardCharsets.ISO_8859_1))) {
                    return new String(png, nul + 1, end - nul - 1, StandardCharsets.ISO_8859_1);
                }
            }
            if ("IDAT".equals(type) || "IEND".equals(type)) {
                return null; // the emulator writes it before the image data
            }
            at += 12 + length;
        }
        return null;
    }

    private static byte[] embedJpeg(byte[] jpeg, String prompt) {
        int insertAt = 2;
        if (jpeg.length > 6 && (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + readShort(jpeg, 4); // JFIF's APP0 must stay right after SOI
        }
        byte[] text = (JPEG_PREFIX + prompt).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, insertAt);
        out.write(0xFF);
        out.write(0xFE);
        int length = text.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(text);
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    private static String readJpeg(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return null; // start of scan / end of image: no more header segments
            }
            int length = readShort(jpeg, at + 2);
            if (length < 2 || at + 2 + length > jpeg.length) {
                return null;
            }
            if (marker == 0xFE) {
                String comment = new String(jpeg, at + 4, length - 2, StandardCharsets.UTF_8);
                if (comment.startsWith(JPEG_PREFIX)) {
                    return comment.substring(JPEG_PREFIX.length());
                }
            }
            at += 2 + length;
        }
        return null;
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static int readShort(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
