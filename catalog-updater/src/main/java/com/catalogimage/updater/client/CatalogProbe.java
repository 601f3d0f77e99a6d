package com.catalogimage.updater.client;

import jakarta.enterprise.context.ApplicationScoped;

/** The readiness read ({@link Catalog#ping()}): it meets the same 401/403/404 as a write when the setup is wrong. */
@ApplicationScoped
public class CatalogProbe {

    private final Catalog catalog;

    public CatalogProbe(Catalog catalog) {
        this.catalog = catalog;
    }

    public void check() {
        catalog.ping();
    }
}
