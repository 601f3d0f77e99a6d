package com.catalogimage.updater.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    enum CatalogMode {
        /** Table entity {@code Products}. */
        TABLE,
        /** The seed's stored-procedure entities, with the seed's DAB configuration unchanged. */
        STORED_PROCEDURE
    }
}
