package com.catalogimage.localstack.testing;

import com.catalogimage.localstack.supplier.SupplierPhotos;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The local supplier CDN ({@link SupplierPhotos}) on a free loopback port. Publishes {@code local-stack.supplier-photos.url}
 * (the base URL, e.g. {@code http://127.0.0.1:41234}) and {@code local-stack.supplier-photos.host} ({@code host:port},
 * what a reference-photo allow-list names). Shared by a module's test classes, and the one the
 * {@link DabEmulatorTestResource}'s sample catalog points at; a test that removes a photo restores it.
 */
public class SupplierPhotosTestResource implements QuarkusTestResourceLifecycleManager {

    public static SupplierPhotos photos() {
        return SharedInfrastructure.get(SupplierPhotos.class, () -> SupplierPhotos.start(SupplierPhotos.Options.defaults()));
    }

    @Override
    public Map<String, String> start() {
        SupplierPhotos photos = photos();
        return Map.of("local-stack.supplier-photos.url", photos.baseUri().toString(),
                "local-stack.supplier-photos.host", photos.hostAndPort());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; closed when the JVM exits
    }
}
