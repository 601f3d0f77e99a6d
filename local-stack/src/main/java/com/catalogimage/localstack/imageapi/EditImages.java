package com.catalogimage.localstack.imageapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The file parts of an {@code /images/edits} request, checked as the service checks them: {@code image} or
 * {@code image[]} (one to {@link #MAX_IMAGES}, png or jpeg by declared type and by content, each at most
 * {@link #MAX_IMAGE_BYTES}), optional {@code mask} (png with an alpha channel, the first image's size). Only the image
 * headers are read (dimensions, colour type), never the pixels: a 50 MB photo costs no decoding.
 *
 * @param images the references in body order
 * @param mask   null when none was sent
 */
record EditImages(List<Image> images, Image mask) {

    static final int MAX_IMAGES = 16;
    static final int MAX_IMAGE_BYTES = 50 * 1024 * 1024;

    /** One file part as received: its bytes' sha-256 (hex), size, declared type, name, dimensions and format. */
    record Image(String param, String filename, String contentType, String format, int width, int height, boolean alpha,
                 int sizeBytes, String sha256) {
    }

    static EditImages of(MultipartForm form) {
        List<MultipartForm.Part> parts = form.all("image", "image[]");
        if (parts.isEmpty()) {
            throw invalid(AzureErrors.invalidRequest("missing_required_parameter", "Missing required parameter: 'image'.",
                    "image"));
        }
        if (parts.size() > MAX_IMAGES) {
            throw invalid(AzureErrors.invalidRequest("array_above_max_length", "Invalid 'image': array too long. Expected "
                    + "an array with maximum length " + MAX_IMAGES + ", but got an array with length " + parts.size()
                    + " instead.", "image"));
        }
        boolean array = parts.size() > 1 || parts.get(0).name().endsWith("[]");
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            images.add(image(parts.get(i), array ? "image[" + i + "]" : "image", i));
        }
        Image mask = null;
        MultipartForm.Part maskPart = form.first("mask");
        if (maskPart != null) {
            mask = image(maskPart, "mask", 0);
            Image first = images.get(0);
            if (!"png".equals(mask.format())) {
                throw invalid(AzureErrors.unsupportedMimetype("mask", mask.contentType()));
            }
            if (mask.width() != first.width() || mask.height() != first.height()) {
                throw invalid(AzureErrors.invalidRequest("invalid_value", "Invalid mask image format - mask size ("
                        + mask.width() + "x" + mask.height() + ") does not match image size (" + first.width() + "x"
                        + first.height() + ").", "mask"));
            }
            if (!mask.alpha()) {
                throw invalid(AzureErrors.invalidRequest("invalid_value", "Invalid mask image format - the mask must "
                        + "have an alpha channel (transparent areas are edited).", "mask"));
            }
        }
        return new EditImages(List.copyOf(images), mask);
    }

    private static Image image(MultipartForm.Part part, String param, int index) {
        String declared = part.contentType() == null ? "application/octet-stream"
                : part.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        String format = switch (declared) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpeg";
            default -> throw invalid(AzureErrors.unsupportedMimetype(param, declared));
        };
        byte[] data = part.data();
        if (data.length > MAX_IMAGE_BYTES) {
            throw invalid(AzureErrors.invalidRequest("invalid_value", "Invalid file '" + param + "': the file is "
                    + data.length + " bytes; the maximum is " + MAX_IMAGE_BYTES + " bytes (50 MB).", param));
        }
        int[] header = "png".equals(format) ? pngHeader(data) : jpegHeader(data);
        if (header == null) {
            throw invalid(AzureErrors.invalidImageFile(param, index));
        }
        return new Image(param, part.filename(), declared, format, header[0], header[1], header[2] == 1, data.length,
                sha256(data));
    }

    /** {@code [width, height, alpha?1:0]} from the IHDR chunk, or null when this is no PNG. */
    static int[] pngHeader(byte[] data) {
        if (!PromptChunk.isPng(data) || data.length < 33
                || data[12] != 'I' || data[13] != 'H' || data[14] != 'D' || data[15] != 'R') {
            return null;
        }
        int width = readInt(data, 16);
        int height = readInt(data, 20);
        int colourType = data[25] & 0xFF;
        boolean alpha = colourType == 4 || colourType == 6
                || MultipartForm.indexOf(data, new byte[] {'t', 'R', 'N', 'S'}, 33) > 0;
        return width > 0 && height > 0 ? new int[] {width, height, alpha ? 1 : 0} : null;
    }

    /** {@code [width, height, 0]} from the first start-of-frame segment, or null when this is no JPEG. */
    static int[] jpegHeader(byte[] data) {
        if (!PromptChunk.isJpeg(data)) {
            return null;
        }
        int at = 2;
        while (at + 9 < data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            int length = ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int height = ((data[at + 5] & 0xFF) << 8) | (data[at + 6] & 0xFF);
                int width = ((data[at + 7] & 0xFF) << 8) | (data[at + 8] & 0xFF);
                return width > 0 && height > 0 ? new int[] {width, height, 0} : null;
            }
            if (length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    /**
     * Image input tokens of one reference: the vision formula at high detail (fit in 2048x2048, shortest side 768,
     * 65 + 129 per 512-pixel tile), plus, at high fidelity, the published extra 4,160 (square) or 6,240 tokens.
     */
    static int imageTokens(Image image, boolean highFidelity) {
        double scale = Math.min(1.0, 2048.0 / Math.max(image.width(), image.height()));
        double w = image.width() * scale;
        double h = image.height() * scale;
        double shortest = Math.min(w, h);
        if (shortest > 768) {
            w = w * 768 / shortest;
            h = h * 768 / shortest;
        }
        int tiles = (int) (Math.ceil(w / 512) * Math.ceil(h / 512));
        int tokens = 65 + 129 * tiles;
        if (highFidelity) {
            tokens += image.width() == image.height() ? 4160 : 6240;
        }
        return tokens;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    private static GenerationRequest.Invalid invalid(AzureErrors.ErrorResponse response) {
        return new GenerationRequest.Invalid(response);
    }
}
