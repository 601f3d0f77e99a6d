package com.catalogimage.console.service;

import com.catalogimage.contracts.ProductStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One gallery page's filter: state (the product's latest, from the status memory), category, a date range (UTC days,
 * inclusive) and a name search; and which page. Unreadable values are ignored, not errors: a filter form is typed in.
 *
 * @param state    a {@link ProductStatus.State} name, any case; {@code null} for every state
 * @param category exact, any case
 * @param from     first day, {@code yyyy-MM-dd}
 * @param to       last day, {@code yyyy-MM-dd}
 * @param q        part of the product's name, any case
 * @param page     1-based
 */
public record GalleryQuery(String state, String category, String from, String to, String q, int page) {

    /** What one page holds. */
    public record Page(List<GalleryImage> images, int total, int page, int pages) {
    }

    /** The state shown for an image whose product has no status (images older than the status topic's history). */
    public static final String NO_STATUS = "UNKNOWN";

    public GalleryQuery {
        state = blankToNull(state);
        category = blankToNull(category);
        from = blankToNull(from);
        to = blankToNull(to);
        q = blankToNull(q);
        page = Math.max(1, page);
    }

    /**
     * The page of the images (newest first already) that match.
     *
     * @param stateOf each product's latest state name, {@link #NO_STATUS} when none
     */
    public Page apply(List<GalleryImage> newestFirst, Function<Long, String> stateOf, int pageSize) {
        ProductStatus.State wanted = parseState(state);
        Instant start = day(from, 0);
        Instant end = day(to, 1);
        String query = q == null ? null : q.toLowerCase(Locale.ROOT);
        List<GalleryImage> matching = new ArrayList<>();
        for (GalleryImage image : newestFirst) {
            if (wanted != null && !wanted.name().equals(stateOf.apply(image.productId()))) {
                continue;
            }
            if (category != null && !category.equalsIgnoreCase(image.category())) {
                continue;
            }
            if (start != null && (image.at() == null || image.at().isBefore(start))) {
                continue;
            }
            if (end != null && (image.at() == null || !image.at().isBefore(end))) {
                continue;
            }
            if (query != null && !image.matches(query)) {
                continue;
            }
            matching.add(image);
        }
        int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        int shown = Math.min(page, pages);
        int first = (shown - 1) * pageSize;
        return new Page(List.copyOf(matching.subList(first, Math.min(matching.size(), first + pageSize))),
                matching.size(), shown, pages);
    }

    private static ProductStatus.State parseState(String state) {
        if (state == null) {
            return null;
        }
        try {
            return ProductStatus.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The start of the day, plus {@code days}; null when unset or unreadable. */
    private static Instant day(String date, int days) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
