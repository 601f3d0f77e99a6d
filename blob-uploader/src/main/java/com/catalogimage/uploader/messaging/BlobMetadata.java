package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.QualityVerdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The blob metadata that ties an image to its product, request and generation, read by the operator console without
 * a trip through Kafka. Metadata travels as HTTP headers: values must be printable ASCII. Identifiers and settings
 * (request id, model, size) are replaced character by character; text people wrote (product name, category, prompt)
 * is percent-encoded UTF-8 ({@link URLEncoder}, read back with {@code URLDecoder}), so nothing is lost. Azure limits a
 * blob's metadata to 8 KiB, names and values together: every value has a bound and the bounds add up to less
 * ({@link #MAX_TOTAL}), whatever a hostile catalog or prompt holds.
 *
 * <p>The quality check's verdict (decision 0025): {@code alttext}, cleaned again by {@link AltText} (the model's
 * answer echoes product text anyone could have written) and percent-encoded; {@code qualitycheck}, the outcome in lower
 * case ({@code passed}, {@code failed}, {@code not_checked}; not {@code quality}, which since decision 0020 holds the
 * image's quality setting); {@code qualityreasons}, the critique joined by {@code "; "}, cut and encoded. None of them
 * on an image without a verdict.
 */
final class BlobMetadata {

    /** Azure's limit on the sum of every metadata name and value of one blob. */
    static final int AZURE_LIMIT = 8 * 1024;
    /** What the bounds below add up to, names included; below {@link #AZURE_LIMIT} with room to spare. */
    static final int MAX_TOTAL = 6 * 1024;
    /** The prompt is cut to this many characters before it is encoded (the contract's figure). */
    static final int PROMPT_CHARS = 1000;
    /** The encoded prompt; 2,800 since the verdict's keys took their share (decision 0025): about 1,000 Latin characters. */
    private static final int MAX_PROMPT = 2800;
    /** The critique is cut to this many characters before it is encoded. */
    static final int REASONS_CHARS = 300;
    private static final int MAX_REASONS = 420;
    /** 125 characters of alt text ({@link AltText#MAX}), Latin ones with room for escapes; other scripts are cut. */
    private static final int MAX_ALT_TEXT = 380;
    private static final int MAX_NAME = 600;
    private static final int MAX_CATEGORY = 300;
    private static final int MAX_NUMBER = 64;
    /** Identifiers, settings and blob names. */
    private static final int MAX_VALUE = 256;

    private BlobMetadata() {
    }

    /** The image's metadata; {@code thumbnail} is its thumbnail's blob name. */
    static Map<String, String> of(GeneratedImage generated, String thumbnail) {
        ImageRequest request = generated.request();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("productid", String.valueOf(request.product().id()));
        put(metadata, "requestid", ascii(request.requestId()));
        metadata.put("attempt", String.valueOf(request.attempt()));
        put(metadata, "model", ascii(generated.model()));
        put(metadata, "productname", encoded(request.product().name(), MAX_NAME));
        put(metadata, "category", encoded(request.product().categoryName(), MAX_CATEGORY));
        put(metadata, "prompt", encoded(cut(generated.prompt(), PROMPT_CHARS), MAX_PROMPT));
        put(metadata, "size", ascii(generated.size()));
        put(metadata, "quality", ascii(generated.quality()));
        put(metadata, "costusd", generated.costUsd() == null ? "" : cut(generated.costUsd().toPlainString(), MAX_NUMBER));
        put(metadata, "generatedat", generated.generatedAt() == null ? "" : generated.generatedAt().toString());
        put(metadata, "thumbnail", ascii(thumbnail));
        QualityVerdict verdict = generated.verdict();
        if (verdict != null) {
            put(metadata, "alttext", encoded(AltText.clean(verdict.altText()), MAX_ALT_TEXT));
            put(metadata, "qualitycheck", verdict.outcome() == null ? "" : verdict.outcome().name().toLowerCase(Locale.ROOT));
            put(metadata, "qualityreasons", encoded(cut(String.join("; ", verdict.reasons()), REASONS_CHARS), MAX_REASONS));
        }
        return metadata;
    }

    /**
     * A variant's metadata (the call's image {@code index + 1}, decision 0031): the main image's, without what belongs
     * to the main image alone (the call's cost, counted once; the quality check's verdict, which judged the first image
     * only), with {@code variant} (its index) and {@code variantof} (the main image's blob name). A picked variant is
     * published with these, so its public blob says which variant of which image it was.
     */
    static Map<String, String> ofVariant(GeneratedImage generated, String thumbnail, String mainName, int index) {
        Map<String, String> metadata = of(generated, thumbnail);
        metadata.keySet().removeAll(java.util.Set.of("costusd", "alttext", "qualitycheck", "qualityreasons"));
        metadata.put("variant", String.valueOf(index));
        put(metadata, "variantof", ascii(mainName));
        return metadata;
    }

    /** The thumbnail's metadata: whose it is. */
    static Map<String, String> ofThumbnail(GeneratedImage generated, String imageName) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("productid", String.valueOf(generated.request().product().id()));
        put(metadata, "thumbnailof", ascii(imageName));
        return metadata;
    }

    /** Sum of names and values, as Azure counts it. */
    static int size(Map<String, String> metadata) {
        return metadata.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }

    static String ascii(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[^\\x20-\\x7e]", "_").strip();
        return printable.length() > MAX_VALUE ? printable.substring(0, MAX_VALUE) : printable;
    }

    /**
     * Percent-encoded UTF-8, at most {@code max} characters: cut between code points, never inside an escape, so what
     * is there decodes. One character can take up to 12 encoded ones (an emoji), so the bound is on the encoding.
     */
    static String encoded(String value, int max) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = value.strip();
        String whole = URLEncoder.encode(text, StandardCharsets.UTF_8);
        if (whole.length() <= max) {
            return whole;
        }
        StringBuilder out = new StringBuilder(max);
        for (int i = 0, cp; i < text.length(); i += Character.charCount(cp)) {
            cp = text.codePointAt(i);
            String one = URLEncoder.encode(Character.toString(cp), StandardCharsets.UTF_8);
            if (out.length() + one.length() > max) {
                break;
            }
            out.append(one);
        }
        return out.toString();
    }

    /** At most {@code max} characters, never half a surrogate pair. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
