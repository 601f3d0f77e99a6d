package com.catalogimage.localstack.testing;

import com.catalogimage.localstack.dab.DabEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Data API Builder emulator with the sample catalog, in memory, its photo URLs on the shared supplier CDN
 * ({@link SupplierPhotosTestResource#photos()}, started with it: a JDK HTTP server, nothing rendered until asked).
 * Publishes {@code local-stack.dab.url} (the server root; entities live under {@code /api} and {@code /rest}).
 */
public class DabEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    public static DabEmulator emulator() {
        return SharedInfrastructure.get(DabEmulator.class, () -> DabEmulator.start(DabEmulator.Options.inMemory()
                .withSupplierPhotos(SupplierPhotosTestResource.photos().baseUri().toString())));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("local-stack.dab.url", emulator().baseUri().toString());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; closed when the JVM exits
    }
}
