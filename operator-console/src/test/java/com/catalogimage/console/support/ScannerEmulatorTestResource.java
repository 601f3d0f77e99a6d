package com.catalogimage.console.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the console's scanner client at a {@link ScannerEmulator}, one per test JVM. */
public class ScannerEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    private static ScannerEmulator emulator;

    public static synchronized ScannerEmulator emulator() {
        if (emulator == null) {
            emulator = new ScannerEmulator().start();
        }
        return emulator;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.scanner.url", emulator().url());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; stopped when the JVM exits
    }
}
