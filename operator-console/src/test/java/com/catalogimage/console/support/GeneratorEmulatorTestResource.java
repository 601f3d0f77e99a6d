package com.catalogimage.console.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the console's generator client at a {@link GeneratorEmulator}, one per test JVM, with its key. */
public class GeneratorEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    private static GeneratorEmulator emulator;

    public static synchronized GeneratorEmulator emulator() {
        if (emulator == null) {
            emulator = new GeneratorEmulator().start();
        }
        return emulator;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.generator.url", emulator().url(),
                "console.generations.generator-api-key", GeneratorEmulator.KEY);
    }

    @Override
    public void stop() {
        // shared by the module's test classes; stopped when the JVM exits
    }
}
