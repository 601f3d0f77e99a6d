package com.catalogimage.contracts;

import java.time.Instant;

/**
 * The prompt template an operator chose for one category (the console's playground), on the compacted
 * {@link Topics#CATEGORY_TEMPLATES} topic keyed by {@link #key(String)} of the category name. The generator uses it
 * for that category's products whose request carries no prompt or template of its own. A record with a {@code null}
 * template (or a tombstone) returns the category to the configured template.
 *
 * @param category the category's name as the catalog spells it
 * @param template the template, with the configured template's placeholders ({@code {name}}, {@code {description}},
 *                 {@code {category}}, {@code {tags}}), cleaned by {@link OperatorText#prompt}; {@code null} = default
 * @param author   who made it the category's template (the console's user name)
 * @param at       when
 */
public record CategoryTemplate(String category, String template, String author, Instant at) {

    /** The record key of a category: its name, trimmed and lower-cased, so "Shoes" and "shoes " are one category. */
    public static String key(String category) {
        return category == null ? "" : category.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
