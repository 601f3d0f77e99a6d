package com.catalogimage.localstack.testing;

import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Azure OpenAI image API emulator with its default deployments. Publishes {@code local-stack.image-api.endpoint}
 * and {@code local-stack.image-api.key}.
 */
public class ImageApiTestResource implements QuarkusTestResourceLifecycleManager {

    public static ImageApiEmulator emulator() {
        return SharedInfrastructure.get(ImageApiEmulator.class,
                () -> ImageApiEmulator.start(ImageApiEmulator.Options.defaults()));
    }

    @Override
    public Map<String, String> start() {
        ImageApiEmulator emulator = emulator();
        return Map.of(
                "local-stack.image-api.endpoint", emulator.baseUri().toString(),
                "local-stack.image-api.key", ImageApiEmulator.Options.defaults().apiKey());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; closed when the JVM exits
    }
}
