package com.catalogimage.console.service;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stored image as the blob listing gives it: its name, where it is, and what the uploader wrote in its metadata
 * (issue 12's contract: text values percent-encoded UTF-8, decoded here). Images stored before the metadata existed
 * still have a product id, from their name ({@code {prefix}/{id}-{slug}-{hash12}.{ext}}).
 *
 * @param location    the public container or the review container
 * @param blobName    the image's name in its container
 * @param thumbnail   its thumbnail's name, or {@code null} when it has none (older images)
 * @param productId   the product, or {@code null} when neither the metadata nor the name says
 * @param at          when it was generated ({@code generatedat}), else when the blob was last written
 * @param costUsd     list-price cost, or {@code null}
 * @param quality     the image's quality setting (low, medium, high)
 * @param altText     the alt text the quality check wrote ({@code alttext}), or {@code null}
 * @param checkOutcome the quality check's outcome ({@code PASSED}, {@code FAILED}, {@code NOT_CHECKED}), or {@code null}
 *                    for an image stored before the check or without one
 * @param checkReasons the check's critique as the uploader bounded it ({@code qualityreasons}), or {@code null}
 */
public record GalleryImage(
        Location location,
        String blobName,
        String thumbnail,
        Long productId,
        String requestId,
        Integer attempt,
        String productName,
        String category,
        String prompt,
        String model,
        String size,
        String quality,
        BigDecimal costUsd,
        Instant at,
        String altText,
        String checkOutcome,
        String checkReasons) {

    /** Which container. */
    public enum Location {
        PUBLIC, REVIEW
    }

    /** The thumbnail beside an image: same name without the extension, {@code .thumb.jpg}. */
    public static final String THUMBNAIL_SUFFIX = ".thumb.jpg";
    private static final Pattern NAME = Pattern.compile("(?:.*/)?(\\d+)-[^/]*");
    private static final java.util.Set<String> OUTCOMES = java.util.Set.of("PASSED", "FAILED", "NOT_CHECKED");

    /** Whether a blob is a thumbnail (never a card of its own). */
    public static boolean isThumbnail(String blobName) {
        return blobName.endsWith(THUMBNAIL_SUFFIX);
    }

    /** The thumbnail's name for an image's name, as the uploader names it. */
    public static String thumbnailOf(String blobName) {
        int slash = blobName.lastIndexOf('/');
        int dot = blobName.lastIndexOf('.');
        return (dot > slash ? blobName.substring(0, dot) : blobName) + THUMBNAIL_SUFFIX;
    }

    /**
     * @param metadata     the blob's metadata (keys lower case, as Azure returns them), possibly empty
     * @param lastModified when the blob was last written
     * @param hasThumbnail whether the listing holds the thumbnail the metadata (or the name) points to
     */
    public static GalleryImage of(Location location, String blobName, Map<String, String> metadata, Instant lastModified,
            boolean hasThumbnail) {
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        String thumbnail = meta.getOrDefault("thumbnail", thumbnailOf(blobName));
        return new GalleryImage(location, blobName, hasThumbnail ? thumbnail : null, productId(meta, blobName),
                plain(meta.get("requestid")), integer(meta.get("attempt")), decoded(meta.get("productname")),
                decoded(meta.get("category")), decoded(meta.get("prompt")), plain(meta.get("model")),
                plain(meta.get("size")), outcome(meta.get("quality")) == null ? plain(meta.get("quality")) : null,
                decimal(meta.get("costusd")), instant(meta.get("generatedat"), lastModified), decoded(meta.get("alttext")),
                checkOutcome(meta), decoded(meta.get("qualityreasons")));
    }

    /**
     * The check's outcome: {@code qualitycheck}, or {@code quality} when it holds an outcome rather than the image's
     * quality setting (issue 13's contract named that key, which issue 12's metadata already used for the setting).
     */
    private static String checkOutcome(Map<String, String> meta) {
        String outcome = outcome(meta.get("qualitycheck"));
        return outcome != null ? outcome : outcome(meta.get("quality"));
    }

    private static String outcome(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return OUTCOMES.contains(upper) ? upper : null;
    }

    /** The thumbnail this image's metadata names, or the name the uploader gives it. */
    public static String expectedThumbnail(String blobName, Map<String, String> metadata) {
        return metadata == null ? thumbnailOf(blobName) : metadata.getOrDefault("thumbnail", thumbnailOf(blobName));
    }

    /** Whether a name search matches: product name or blob name (it holds the name's slug), ignoring case. */
    public boolean matches(String lowerCaseQuery) {
        return contains(productName, lowerCaseQuery) || contains(blobName, lowerCaseQuery);
    }

    private static boolean contains(String text, String lowerCaseQuery) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }

    private static Long productId(Map<String, String> meta, String blobName) {
        try {
            String id = meta.get("productid");
            if (id != null) {
                return Long.parseLong(id.strip());
            }
        } catch (NumberFormatException ignored) {
            // fall back to the name
        }
        Matcher m = NAME.matcher(blobName);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static String decoded(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value; // written before the contract encoded it: plain ASCII as it is
        }
    }

    private static String plain(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value, Instant fallback) {
        try {
            return value == null ? fallback : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
