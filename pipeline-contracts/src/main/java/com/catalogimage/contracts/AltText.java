package com.catalogimage.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Alt text for an image, from untrusted input (the vision model's answer, which echoes product text anyone could
 * have written): plain text, one line, no markup, no URLs, no "image of", at most {@link #MAX} characters. Cleaned by
 * these rules wherever it enters (the generator) and again wherever it leaves (the uploader's metadata, the catalog
 * write), so a record from an older or hostile producer cannot carry more.
 */
public final class AltText {

    /** WCAG practice and screen readers: longer alt text is cut off or skipped. */
    public static final int MAX = 125;

    private static final Pattern TAGS = Pattern.compile("<[^>]*>?");
    private static final Pattern ENTITIES = Pattern.compile("&[#a-zA-Z0-9]{1,10};");
    private static final Pattern URLS = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]{1,15}:(?://)?\\S+|www\\.\\S+|\\S+\\.(?:com|net|org|io|ru|cn|info|biz|xyz)(?:/\\S*)?)");
    private static final Pattern MARKUP = Pattern.compile("[<>()\\[\\]{}`*_#|\\\\\"]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?i)^(?:an?\\s+|the\\s+)?(?:(?:product\\s+)?(?:image|picture|photo(?:graph)?|rendering|render)\\s+(?:of|showing|depicting)\\s*:?\\s+)+(?:an?\\s+|the\\s+)?");

    private AltText() {
    }

    /**
     * Cleaned alt text, or {@code fallback} (itself cleaned) when nothing is left; {@code null} only when both are
     * empty.
     */
    public static String clean(String text, String fallback) {
        String cleaned = clean(text);
        return cleaned != null ? cleaned : clean(fallback);
    }

    /** Cleaned alt text; {@code null} when nothing is left. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String plain = CONTROL.matcher(text).replaceAll(" ");
        plain = TAGS.matcher(plain).replaceAll(" ");
        plain = ENTITIES.matcher(plain).replaceAll(" ");
        plain = URLS.matcher(plain).replaceAll(" ");
        plain = MARKUP.matcher(plain).replaceAll(" ");
        plain = SPACES.matcher(plain).replaceAll(" ").strip();
        plain = LEAD_IN.matcher(plain).replaceFirst("").strip();
        plain = plain.replaceAll("^[\\p{Punct}\\s]+", "").strip();
        if (plain.isEmpty()) {
            return null;
        }
        plain = Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
        if (plain.length() > MAX) {
            int cut = plain.lastIndexOf(' ', MAX);
            int end = cut > MAX / 2 ? cut : MAX;
            // never split a surrogate pair (an emoji at the limit)
            if (Character.isHighSurrogate(plain.charAt(end - 1))) {
                end--;
            }
            plain = plain.substring(0, end).replaceAll("[\\p{Punct}\\s]+$", "");
        }
        return plain;
    }

    /** The alt text of an image nobody described: the product's name and category. */
    public static String fallback(Product product) {
        if (product == null) {
            return null;
        }
        String category = product.categoryName() == null || product.categoryName().isBlank() ? ""
                : ", " + product.categoryName().toLowerCase(Locale.ROOT);
        return clean(product.name() + category);
    }
}
