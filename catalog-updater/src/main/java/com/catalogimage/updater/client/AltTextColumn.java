package com.catalogimage.updater.client;

import com.catalogimage.contracts.AltText;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The catalog's optional alt text column ({@code CATALOG_ALT_TEXT_COLUMN}, decision 0025): whether a write carries the
 * alt text, and what DAB's refusal of such a write means. A catalog without the column (deploy/sql's 005 not applied,
 * or a DAB configuration that does not let the pipeline write it) must still get its image URLs: the write is made
 * again without the alt text, and the column is left out of writes for {@link #RECHECK} before it is tried again (DAB
 * reads its schema at start, so a migration shows only after DAB's restart, not at once).
 */
public final class AltTextColumn {

    /** How long a column found missing stays out of writes before one write tries it again. */
    static final Duration RECHECK = Duration.ofMinutes(10);
    /** The parameter of deploy/sql's {@code UpdateProductImageUrl}: the procedure, not this setting, names the column. */
    public static final String PROCEDURE_PARAMETER = "ImageAltText";

    /** A T-SQL identifier DAB exposes as a field: nothing that needs quoting, nothing that could be JSON or a path. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final long PRESENT = Long.MIN_VALUE;

    private final String name;
    private final LongSupplier nanoTime;
    private volatile long missingSince = PRESENT;

    AltTextColumn(String name, LongSupplier nanoTime) {
        this.name = name;
        this.nanoTime = nanoTime;
    }

    /**
     * From the configuration: empty is off (nothing written, requests as before the column existed).
     *
     * @throws IllegalArgumentException for a name that is no plain identifier, or names a column the updater owns
     *                                  otherwise ({@code Id}, {@code ImageUrl}): the updater does not start
     */
    public static AltTextColumn of(Optional<String> configured) {
        String name = configured.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        if (name != null && (!NAME.matcher(name).matches() || name.equalsIgnoreCase("Id")
                || name.equalsIgnoreCase("ImageUrl"))) {
            throw new IllegalArgumentException("CATALOG_ALT_TEXT_COLUMN must name the catalog's alt text column, a plain"
                    + " identifier other than Id and ImageUrl, such as ImageAltText; it is '" + name + "'");
        }
        return new AltTextColumn(name, System::nanoTime);
    }

    /** The configured column; empty when alt text is not written. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The alt text this write carries: {@code null} when the column is off, was found missing less than
     * {@link #RECHECK} ago, or nothing is left of {@code altText} once cleaned again ({@link AltText}: a record from an
     * older or hostile producer carries no more than the generator's cleaning lets through).
     */
    public String toSend(String altText) {
        if (name == null || knownMissing()) {
            return null;
        }
        return AltText.clean(altText);
    }

    private boolean knownMissing() {
        long since = missingSince;
        if (since == PRESENT) {
            return false;
        }
        return nanoTime.getAsLong() - since < RECHECK.toNanos();
    }

    /**
     * Whether DAB's refusal of a write that carried the alt text may be the column's fault, so the write is worth
     * making once more without it: DAB's 400 {@code BadRequest} (request-body-strict: a field the table lacks; a
     * procedure parameter it lacks) and 403 (a field the role may not update). Anything else (5xx, 401, 404, a
     * database error) says nothing about the column and is handled as before.
     */
    public static boolean mayBeTheColumn(DabException refusal) {
        return refusal.is(400, "BadRequest") || refusal.status() == 403;
    }

    /**
     * The same write without the alt text succeeded: the column is missing (or not writable). Left out until
     * {@link #RECHECK} has passed.
     *
     * @return whether this is news (the column was taken as present until now), so the caller warns once
     */
    public boolean foundMissing() {
        boolean news = !knownMissing();
        missingSince = nanoTime.getAsLong();
        return news;
    }

    /** A write carrying the alt text succeeded. */
    public void foundPresent() {
        missingSince = PRESENT;
    }
}
