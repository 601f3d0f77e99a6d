package com.catalogimage.uploader.service;

import com.catalogimage.contracts.Product;
import com.catalogimage.uploader.config.UploaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names blobs {@code {prefix}/{productId}-{slug}-{first 12 hex of sha-256}.{ext}}. The product id keeps two products of
 * the same name apart; the hash makes the name a function of the bytes, so storing the same image again lands on the
 * same name (an idempotent no-op) and a new image of the same product gets a new name (no stale CDN caches). The slug
 * is there for people reading URLs. The seed's {@code lower().replace(' ', '_')} collided between products and broke
 * on {@code /}.
 */
@ApplicationScoped
public class BlobNamer {

    static final int SLUG_MAX = 60;
    static final int HASH_CHARS = 12;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    /** A blob name and the full digest it was derived from. */
    public record BlobName(String name, String sha256) {
    }

    private final String prefix;

    @Inject
    public BlobNamer(UploaderConfig config) {
        this(config.blobPrefix());
    }

    public BlobNamer(String prefix) {
        String trimmed = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        if (!trimmed.isEmpty() && (!PREFIX.matcher(trimmed).matches() || trimmed.matches("(.*/)?\\.{1,2}(/.*)?"))) {
            throw new IllegalArgumentException("uploader.blob-prefix '" + prefix + "' may hold only letters, digits, "
                    + ". _ - and / between segments, and no . or .. segment");
        }
        this.prefix = trimmed.isEmpty() ? "" : trimmed + "/";
    }

    public BlobName name(Product product, VerifiedImage image) {
        return name(product, image.bytes(), image.format());
    }

    /** The name of {@code bytes} in {@code format}: an approved variant is published under its own, as a main image. */
    public BlobName name(Product product, byte[] bytes, ImageFormat format) {
        String sha256 = sha256(bytes);
        String name = prefix + product.id() + "-" + slug(product.name()) + "-" + sha256.substring(0, HASH_CHARS) + "."
                + format.extension();
        return new BlobName(name, sha256);
    }

    /**
     * Where variant {@code index} (1 for the call's second image) waits beside the main image in the review container:
     * {@code images/42-jeans-a18c8140e3b1.png} → {@code images/42-jeans-a18c8140e3b1-v2.png}. A function of the main
     * image's name, so of its bytes: a redelivered record lands on the same names. Never a public name: a variant a
     * reviewer picks is published under its own content-addressed {@link #name(Product, byte[], ImageFormat) name}.
     */
    public static String variantName(String mainName, int index) {
        if (index < 1) {
            throw new IllegalArgumentException("variant index " + index + ": 0 is the main image, variants count from 1");
        }
        int slash = mainName.lastIndexOf('/');
        int dot = mainName.lastIndexOf('.');
        String suffix = "-v" + (index + 1);
        return dot > slash ? mainName.substring(0, dot) + suffix + mainName.substring(dot) : mainName + suffix;
    }

    /**
     * The thumbnail beside an image: {@code images/42-jeans-a18c8140e3b1.png} → {@code images/42-jeans-a18c8140e3b1.thumb.jpg}.
     * A function of the image's name, so of its bytes: the same image always has the same thumbnail name.
     */
    public static String thumbnailName(String imageName) {
        int slash = imageName.lastIndexOf('/');
        int dot = imageName.lastIndexOf('.');
        return (dot > slash ? imageName.substring(0, dot) : imageName) + ".thumb.jpg";
    }

    /** Lowercase ASCII letters, digits and single hyphens, at most 60 characters; {@code product} when nothing is left. */
    public static String slug(String productName) {
        if (productName == null) {
            return "product";
        }
        String ascii = DIACRITICS.matcher(Normalizer.normalize(productName, Normalizer.Form.NFKD)).replaceAll("");
        String slug = trimHyphens(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"));
        if (slug.length() > SLUG_MAX) {
            slug = trimHyphens(slug.substring(0, SLUG_MAX));
        }
        return slug.isEmpty() ? "product" : slug;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
