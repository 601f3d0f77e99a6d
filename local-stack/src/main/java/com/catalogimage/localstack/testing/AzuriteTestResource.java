package com.catalogimage.localstack.testing;

import com.catalogimage.localstack.azurite.Azurite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Azurite (in memory) for a service test. Publishes {@code local-stack.azurite.connection-string} and
 * {@code local-stack.azurite.blob-endpoint}; a service maps them onto its own configuration in its test profile.
 */
public class AzuriteTestResource implements QuarkusTestResourceLifecycleManager {

    public static Azurite azurite() {
        return SharedInfrastructure.get(Azurite.class, Azurite::startInMemory);
    }

    @Override
    public Map<String, String> start() {
        Azurite azurite = azurite();
        return Map.of(
                "local-stack.azurite.connection-string", azurite.connectionString(),
                "local-stack.azurite.blob-endpoint", azurite.blobEndpoint());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; closed when the JVM exits
    }
}
