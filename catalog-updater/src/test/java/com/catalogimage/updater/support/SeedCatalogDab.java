package com.catalogimage.updater.support;

import com.catalogimage.localstack.dab.DabEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A DAB emulator of its own over the seed's catalog: no {@code ImageAltText} column, and {@code UpdateProductImageUrl}
 * without the {@code @ImageAltText} parameter, request-body-strict as DAB's default. What an updater configured with
 * {@code CATALOG_ALT_TEXT_COLUMN} meets when deploy/sql's 005 was never applied. Init arg {@code path}: {@code /api}
 * (table mode, the default) or {@code /rest} (stored-procedure mode).
 */
public class SeedCatalogDab implements QuarkusTestResourceLifecycleManager {

    private static DabEmulator emulator;
    private String path = "/api";

    @Override
    public void init(Map<String, String> initArgs) {
        path = initArgs.getOrDefault("path", path);
    }

    @Override
    public Map<String, String> start() {
        emulator = DabEmulator.start(DabEmulator.Options.inMemory().withAltTextColumn(false));
        return Map.of("quarkus.rest-client.dab.url", emulator.baseUri() + path);
    }

    public static DabEmulator emulator() {
        return emulator;
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
