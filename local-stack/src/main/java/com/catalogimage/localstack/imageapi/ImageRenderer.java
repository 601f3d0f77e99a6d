package com.catalogimage.localstack.imageapi;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the stand-in for a generated product photo: a flat "catalog card" with a simple product-ish shape, the product
 * name and category read from the prompt, and the deployment in small print, so a person looking at a local run's
 * storefront can tell which product and which call an image came from. Flat colours keep PNG encoding cheap (about
 * 20 ms for 1024x1024 on a 2-core build machine). Thread-safe: every call owns its image, graphics and writer.
 */
final class ImageRenderer {

    static {
        // The emulator runs in test JVMs and on servers without a display; never let Java2D look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    /**
     * Loads fonts and ImageIO writers once per JVM in the background: the first render otherwise takes ~150 ms, which
     * would show up as a latency spike in whichever test happens to send the first request.
     */
    static void warmUpInBackground() {
        if (WARMED_UP.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                ImageRenderer renderer = new ImageRenderer();
                renderer.render(new Spec(64, 64, "png", false, 100, "warm-up", "warm-up", "warm-up"));
                renderer.render(new Spec(64, 64, "jpeg", false, 90, "warm-up", "warm-up", "warm-up"));
            }, "image-renderer-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** PNG deflate level about 1: ten times faster than the default, and a flat image still compresses to ~30 KB. */
    private static final float PNG_COMPRESSION_QUALITY = 0.9f;
    private static final int MAX_NAME_LINES = 2;

    /** What to draw and how to encode it. {@code compression} is 0–100 (JPEG only; 100 = best quality). */
    record Spec(int width, int height, String format, boolean transparent, int compression,
                String productName, String category, String footer) {
    }

    byte[] render(Spec spec) {
        boolean jpeg = "jpeg".equals(spec.format());
        boolean alpha = spec.transparent() && !jpeg;
        BufferedImage image = new BufferedImage(spec.width(), spec.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, spec, alpha);
        } finally {
            g.dispose();
        }
        return encode(image, jpeg, spec.compression());
    }

    private void draw(Graphics2D g, Spec spec, boolean transparent) {
        int w = spec.width();
        int h = spec.height();
        int unit = Math.min(w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (!transparent) {
            g.setColor(new Color(0xFA, 0xFA, 0xF7));
            g.fillRect(0, 0, w, h);
        }

        int hash = (spec.productName() + "|" + spec.category()).hashCode();
        Color body = Color.getHSBColor(((hash >>> 8) & 0xFF) / 255f, 0.45f, 0.72f);
        double size = unit * 0.42;
        double cx = w / 2.0;
        double cy = h * 0.42;

        // a soft floor shadow makes the flat shape read as an object standing on the card
        g.setColor(new Color(0, 0, 0, 28));
        g.fill(new Ellipse2D.Double(cx - size * 0.45, cy + size * 0.46, size * 0.9, size * 0.12));
        g.setColor(body);
        java.awt.Shape shape = shape(Math.floorMod(hash, 3), cx, cy, size);
        g.fill(shape);
        g.setColor(body.darker());
        g.setStroke(new BasicStroke((float) Math.max(2, unit / 256.0)));
        g.draw(shape);

        try {
            drawText(g, spec, w, h, unit, cy + size * 0.62);
        } catch (RuntimeException | InternalError fontTrouble) {
            // Machines without usable fonts throw from deep inside Java2D; the image is still a valid picture.
        }
    }

    private static java.awt.Shape shape(int kind, double cx, double cy, double size) {
        return switch (kind) {
            case 0 -> new Ellipse2D.Double(cx - size / 2, cy - size / 2, size, size);
            case 1 -> new RoundRectangle2D.Double(cx - size / 2, cy - size * 0.4, size, size * 0.8, size / 6, size / 6);
            default -> bottle(cx, cy, size);
        };
    }

    private static java.awt.Shape bottle(double cx, double cy, double size) {
        double bodyW = size * 0.5;
        double neckW = size * 0.2;
        double top = cy - size / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(cx - neckW / 2, top);
        path.lineTo(cx + neckW / 2, top);
        path.lineTo(cx + neckW / 2, top + size * 0.2);
        path.quadTo(cx + bodyW / 2, top + size * 0.25, cx + bodyW / 2, top + size * 0.38);
        path.lineTo(cx + bodyW / 2, top + size);
        path.lineTo(cx - bodyW / 2, top + size);
        path.lineTo(cx - bodyW / 2, top + size * 0.38);
        path.quadTo(cx - bodyW / 2, top + size * 0.25, cx - neckW / 2, top + size * 0.2);
        path.closePath();
        return path;
    }

    private static void drawText(Graphics2D g, Spec spec, int w, int h, int unit, double firstBaselineTop) {
        int margin = unit / 16;
        int maxWidth = w - 2 * margin;

        Font nameFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, unit / 18));
        g.setFont(nameFont);
        g.setColor(new Color(0x22, 0x22, 0x22));
        FontMetrics nameMetrics = g.getFontMetrics();
        double y = firstBaselineTop + nameMetrics.getAscent();
        for (String line : wrap(clean(spec.productName()), nameMetrics, maxWidth)) {
            centered(g, line, w, y);
            y += nameMetrics.getHeight();
        }

        String category = clean(spec.category());
        if (!category.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, unit / 30)));
            g.setColor(new Color(0x66, 0x66, 0x66));
            FontMetrics metrics = g.getFontMetrics();
            centered(g, fit(category.toUpperCase(Locale.ROOT), metrics, maxWidth), w, y + metrics.getAscent() / 2.0);
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, unit / 56)));
        g.setColor(new Color(0x99, 0x99, 0x99));
        FontMetrics small = g.getFontMetrics();
        g.drawString(fit(clean(spec.footer()), small, maxWidth), margin, h - margin / 2f - small.getDescent());
    }

    private static void centered(Graphics2D g, String text, int width, double baseline) {
        int textWidth = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (width - textWidth) / 2f, (float) baseline);
    }

    /** Greedy word wrap into at most {@link #MAX_NAME_LINES} lines, the last one shortened with an ellipsis. */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (metrics.stringWidth(candidate) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (lines.size() == MAX_NAME_LINES - 1) {
                line.append(" …");
                break;
            }
            lines.add(fit(line.toString(), metrics, maxWidth));
            line.setLength(0);
            line.append(words[i]);
        }
        if (!line.isEmpty()) {
            lines.add(fit(line.toString(), metrics, maxWidth));
        }
        return lines;
    }

    /** Shortens text (by code point, so surrogate pairs stay whole) until it fits, ending it with an ellipsis. */
    static String fit(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int[] codePoints = text.codePoints().toArray();
        int keep = codePoints.length;
        String shortened;
        do {
            keep--;
            shortened = new String(codePoints, 0, Math.max(0, keep)).stripTrailing() + "…";
        } while (keep > 0 && metrics.stringWidth(shortened) > maxWidth);
        return shortened;
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().strip();
    }

    private static byte[] encode(BufferedImage image, boolean jpeg, int compression) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        // MemoryCacheImageOutputStream: ImageIO's default would cache through a temp file on disk
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpeg ? Math.max(0.05f, Math.min(1f, compression / 100f)) : PNG_COMPRESSION_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
