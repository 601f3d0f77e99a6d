package com.catalogimage.uploader.service;

import com.catalogimage.uploader.config.UploaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that bytes are the image they claim to be, cheapest check first: size bound, declared type, magic bytes,
 * dimensions from the header (bounds, the requested size) and only then a decode of the whole stream, so a decompression bomb is
 * refused before its raster is allocated. WEBP is recognised only to be refused: the JDK has no WEBP decoder, an image
 * accepted on its header alone is not verified, and nothing upstream makes one (Azure's image models answer PNG or
 * JPEG, and the generator asks for nothing else).
 */
@ApplicationScoped
public class ImageValidator {

    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    private static final double MB = 1024 * 1024;
    /** The coarsest subsampling of the decode: every 8th row. */
    private static final int MAX_SUBSAMPLING = 8;

    private final int maxBytes;
    private final int minDimension;
    private final int maxDimension;

    @Inject
    public ImageValidator(UploaderConfig config) {
        this(config.maxImageBytes(), config.minDimension(), config.maxDimension());
    }

    public ImageValidator(int maxBytes, int minDimension, int maxDimension) {
        this.maxBytes = maxBytes;
        this.minDimension = minDimension;
        this.maxDimension = maxDimension;
    }

    /**
     * @param bytes         the encoded image
     * @param declaredType  the content type the generator declared
     * @param requestedSize the size the request asked for ({@code 1024x1024}); {@code auto} or {@code null}: any size
     * @throws InvalidImageException with a detail an operator understands
     */
    public VerifiedImage validate(byte[] bytes, String declaredType, String requestedSize) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImageException("the image is empty");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidImageException(sizes(bytes.length, maxBytes));
        }
        ImageFormat declared = ImageFormat.ofContentType(declaredType).orElseThrow(() -> new InvalidImageException(
                "declared content type '" + declaredType + "' is not one the pipeline stores (image/png, image/jpeg)"));
        if (declared == ImageFormat.WEBP) {
            throw webpRefused();
        }
        ImageFormat actual = ImageFormat.sniff(bytes).orElseThrow(() -> new InvalidImageException("declared "
                + declared.contentType() + " but bytes are not PNG, JPEG or WEBP (they start with "
                + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(8, bytes.length)) + ")"));
        if (actual != declared) {
            throw new InvalidImageException("declared " + declared.contentType() + " but bytes are " + actual.name());
        }
        return decode(bytes, actual, requestedSize);
    }

    private static InvalidImageException webpRefused() {
        return new InvalidImageException("WEBP is not stored: it cannot be verified by a full decode here; the generator"
                + " asks the image API for PNG or JPEG (IMAGE_OUTPUT_FORMAT)");
    }

    private VerifiedImage decode(byte[] bytes, ImageFormat format, String requestedSize) {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, false, true);
            // The header only: nothing is allocated for the raster yet.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height, requestedSize);
            // The whole stream is decoded (a truncated or corrupt image fails here), but only every n-th row is kept:
            // writing the full raster was 60 % of this service's CPU (docs/benchmarks.md). Whole rows, because the
            // reader copies a whole row at once and a subsampled one pixel by pixel through the sample model, which
            // cost a third of this service's CPU under C1 (decision 0033). n keeps the raster no shorter than a
            // thumbnail, which is made from it: one decode serves both.
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(1, subsampling(width, height), 0, 0);
            BufferedImage decoded = reader.read(0, param);
            // The JPEG reader reports truncated data ("Premature end of JPEG file") as a warning, not an exception.
            if (!warnings.isEmpty()) {
                throw new InvalidImageException("does not decode as " + format.name() + ": " + warnings.get(0));
            }
            return new VerifiedImage(bytes, format, width, height, decoded);
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException("does not decode as " + format.name() + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height, String requestedSize) {
        String actual = width + "x" + height;
        if (width > maxDimension || height > maxDimension) {
            throw new InvalidImageException(actual + " exceeds the " + maxDimension + "-pixel bound");
        }
        if (width < minDimension || height < minDimension) {
            throw new InvalidImageException(actual + " is below the " + minDimension + "-pixel minimum");
        }
        Matcher requested = requestedSize == null ? null : SIZE.matcher(requestedSize.trim());
        if (requested != null && requested.matches()
                && (width != Integer.parseInt(requested.group(1)) || height != Integer.parseInt(requested.group(2)))) {
            throw new InvalidImageException(actual + " but " + requestedSize.trim() + " was requested");
        }
    }

    /** The coarsest row subsampling, at most {@value #MAX_SUBSAMPLING}, that still keeps a thumbnail's longest edge. */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.min(MAX_SUBSAMPLING, Math.max(width, height) / Thumbnails.LONGEST_EDGE));
    }

    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == ImageFormat.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** "12 MB exceeds the 10 MB bound", in bytes when megabytes would hide the difference. */
    private static String sizes(long size, long bound) {
        String actual = megabytes(size);
        String limit = megabytes(bound);
        return actual.equals(limit)
                ? size + " bytes exceeds the " + bound + "-byte bound"
                : actual + " exceeds the " + limit + " bound";
    }

    private static String megabytes(long bytes) {
        String mb = String.format(Locale.ROOT, "%.1f", bytes / MB);
        return (mb.endsWith(".0") ? mb.substring(0, mb.length() - 2) : mb) + " MB";
    }
}
