package com.catalogimage.uploader.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The small JPEG the console's gallery shows instead of the image (a page of 60 cards never downloads full-size
 * images): longest edge {@link #LONGEST_EDGE} pixels, aspect kept, never enlarged, white behind transparency (JPEG has
 * no alpha, and catalog photos sit on white). Pure: pixels in, bytes out.
 */
public final class Thumbnails {

    /** Longest edge of a thumbnail, in pixels. */
    public static final int LONGEST_EDGE = 256;
    public static final String CONTENT_TYPE = "image/jpeg";
    /** Enough for a 256-pixel card; about 10-20 KB a thumbnail. */
    private static final float QUALITY = 0.82f;

    private Thumbnails() {
    }

    /** Width and height of the thumbnail of a {@code width} x {@code height} image. */
    public static int[] size(int width, int height) {
        int longest = Math.max(width, height);
        if (longest <= LONGEST_EDGE) {
            return new int[] {width, height};
        }
        double scale = (double) LONGEST_EDGE / longest;
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * @param source the decoded image, at its full size or with every n-th row only (the validator's decode): the
     *               thumbnail's size comes from {@code width} and {@code height}, the image's real ones
     */
    public static byte[] jpeg(BufferedImage source, int width, int height) {
        int[] size = size(width, height);
        // Three bytes per pixel, the JPEG writer's own layout: from packed ints it converts pixel by pixel.
        BufferedImage thumbnail = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.drawImage(source, 0, 0, size[0], size[1], null);
        } finally {
            g.dispose();
        }
        return encode(thumbnail);
    }

    /** The thumbnail of a verified image, from the validator's decode when it kept one. */
    public static byte[] of(VerifiedImage image) {
        BufferedImage source = image.decoded();
        if (source == null) {
            try {
                source = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode the image for its thumbnail", e);
            }
            if (source == null) {
                throw new IllegalArgumentException("no ImageIO reader for the image");
            }
        }
        return jpeg(source, image.width(), image.height());
    }

    public static byte[] jpeg(BufferedImage source) {
        return jpeg(source, source.getWidth(), source.getHeight());
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a thumbnail", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
