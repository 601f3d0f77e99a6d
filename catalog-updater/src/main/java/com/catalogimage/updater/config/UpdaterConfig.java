package com.catalogimage.updater.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the updater writes image URLs back to the catalog. */
@ConfigMapping(prefix = "updater")
public interface UpdaterConfig {

    /**
     * Which Data API Builder entities are used: {@code table} (the {@code Products} table entity, read by key and
     * PATCHed with {@code If-Match: *}) or {@code stored-procedure} (the seed's {@code GetProducts} and
     * {@code UpdateProductImageUrl}, for a DAB configured exactly as the seed's). Environment: {@code CATALOG_MODE}.
     */
    @WithDefault("table")
    CatalogMode mode();

    /**
     * The public bases the catalog's image URLs must be under, comma-separated: the container's URL, or the CDN in
     * front of it (the uploader's {@code PUBLIC_BASE_URL}). A stored image whose URL is anywhere else is dead-lettered
     * {@code INVALID_REQUEST}, never written. Environment {@code IMAGE_BASE_URL}, else {@code PUBLIC_BASE_URL}; no
     * default outside dev and test: the updater does not start without it.
     */
    List<String> imageBaseUrls();

    /**
     * The catalog column that receives each image's alt text (the quality check's, decision 0025), e.g.
     * {@code ImageAltText}, which deploy/sql's 005 adds; environment {@code CATALOG_ALT_TEXT_COLUMN}. Empty (the
     * default): no alt text is written and every request is as before. Table mode sends it as a field of the PATCH;
     * stored-procedure mode passes deploy/sql's {@code @ImageAltText} parameter (the procedure names its column), so
     * any non-empty value turns it on there. A catalog without the column still gets its URLs: the updater writes
     * without the alt text and warns (at most every ten minutes).
     */
    Optional<String> altTextColumn();

    /** Pausing on configuration errors (401, 403, an entity DAB does not expose). */
    Pause pause();

    /** While consuming is paused, how often the readiness read runs to find out whether it may resume. */
    interface Pause {

        /** Interval between probes ({@code PAUSE_PROBE_INTERVAL}), e.g. {@code 10s}. */
        @WithDefault("10s")
        Duration probeInterval();
    }

    enum CatalogMode {
        /** Table entity {@code Products}. */
        TABLE,
        /** The seed's stored-procedure entities, with the seed's DAB configuration unchanged. */
        STORED_PROCEDURE
    }
}
