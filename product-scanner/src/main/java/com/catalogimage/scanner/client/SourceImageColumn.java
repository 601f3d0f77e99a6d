package com.catalogimage.scanner.client;

import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The catalog's optional reference-photo column ({@code CATALOG_SOURCE_IMAGE_COLUMN}, decision 0032), read into
 * {@code Product.sourceImageUrl}. The twin of the updater's {@code AltTextColumn}: a catalog without the column (the
 * migration not applied, or a DAB configuration that does not expose it) must still be scanned, so a read DAB refuses
 * with 400 while it names the column is made again without it, and the column is left out of reads for {@link #RECHECK}
 * before one read tries it again (DAB reads its schema at start: a migration shows only after DAB's restart).
 */
public final class SourceImageColumn {

    /** How long a column found missing stays out of reads before one read tries it again. */
    static final Duration RECHECK = Duration.ofMinutes(10);

    /** A T-SQL identifier DAB exposes as a field: nothing that needs quoting, nothing that could change the query. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final long PRESENT = Long.MIN_VALUE;

    private final String name;
    private final LongSupplier nanoTime;
    private volatile long missingSince = PRESENT;
    private volatile boolean warned;

    SourceImageColumn(String name, LongSupplier nanoTime) {
        this.name = name;
        this.nanoTime = nanoTime;
    }

    /**
     * From the configuration: empty is off (reads as before the column existed).
     *
     * @throws IllegalArgumentException for a name that is no plain identifier, or one of the columns the scanner reads
     *                                  otherwise: the scanner does not start
     */
    public static SourceImageColumn of(Optional<String> configured) {
        String name = configured.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        if (name != null && (!NAME.matcher(name).matches() || CatalogReader.PRODUCT_FIELDS_LIST.stream()
                .anyMatch(name::equalsIgnoreCase))) {
            throw new IllegalArgumentException("CATALOG_SOURCE_IMAGE_COLUMN must name the catalog's reference photo"
                    + " column, a plain identifier other than " + String.join(", ", CatalogReader.PRODUCT_FIELDS_LIST)
                    + ", such as SourceImageUrl; it is '" + name + "'");
        }
        return new SourceImageColumn(name, System::nanoTime);
    }

    /** The configured column; empty when none is read. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code fields} with the column added, unless it is off or was found missing less than {@link #RECHECK} ago. */
    public String select(String fields) {
        return name == null || knownMissing() ? fields : fields + "," + name;
    }

    private boolean knownMissing() {
        long since = missingSince;
        return since != PRESENT && nanoTime.getAsLong() - since < RECHECK.toNanos();
    }

    /**
     * Whether DAB's refusal of a read that selected the column may be the column's fault: 400 (DAB's
     * "Invalid field to be returned requested" for a field the entity lacks). Anything else says nothing about it.
     */
    public static boolean mayBeTheColumn(RuntimeException refusal) {
        return refusal instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 400;
    }

    /**
     * The same read without the column succeeded: the column is missing. Left out until {@link #RECHECK} has passed.
     *
     * @return whether to warn: only the first time, since a recheck that finds it still missing is no news
     */
    public boolean foundMissing() {
        missingSince = nanoTime.getAsLong();
        if (warned) {
            return false;
        }
        warned = true;
        return true;
    }

    /** A read selecting the column succeeded. */
    public void foundPresent() {
        missingSince = PRESENT;
    }
}
