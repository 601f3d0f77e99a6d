package com.catalogimage.uploader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real PNG and JPEG bytes rendered with ImageIO, different for every seed. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height, long seed) {
        return encode(render(width, height, seed, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height, long seed) {
        return encode(render(width, height, seed, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    private static BufferedImage render(int width, int height, long seed, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color((int) (seed * 2654435761L) & 0xFFFFFF));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
