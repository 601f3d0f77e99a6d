package com.catalogimage.localstack.testing;

import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Azure OpenAI image API emulator with its default deployments. Publishes {@code local-stack.image-api.endpoint}
 * and {@code local-stack.image-api.key}. The same endpoint and key serve chat completions (deployment
 * {@code gpt-5-mini}), so a service whose {@code CHAT_*} settings default to the image API's reaches the vision emulator
 * too. The emulator is shared by a module's test classes: a test that sets vision rules, chat terms or faults clears
 * them ({@code visionRules().clear()}, {@code faults().clear()}) when it is done.
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
