package com.catalogimage.updater.client;

import com.catalogimage.updater.service.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;

/** The readiness read ({@link Catalog#ping()}): it meets the same 401/403/404 as a write when the setup is wrong. */
@ApplicationScoped
public class CatalogProbe implements DependencyProbe {

    private final Catalog catalog;

    public CatalogProbe(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void check() {
        catalog.ping();
    }
}
