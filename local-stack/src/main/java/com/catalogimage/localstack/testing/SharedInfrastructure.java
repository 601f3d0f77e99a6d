package com.catalogimage.localstack.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One instance of each piece of infrastructure per JVM: a module's test classes share the broker, Azurite and the
 * emulators even when Quarkus restarts the application between classes. Everything closes when the JVM exits.
 */
final class SharedInfrastructure {

    private static final Map<Class<?>, AutoCloseable> INSTANCES = new HashMap<>();

    private SharedInfrastructure() {
    }

    /**
     * Synchronized rather than {@code computeIfAbsent}: one starter may need another piece (the DAB emulator's sample
     * points at the supplier CDN), and a nested {@code computeIfAbsent} on the same map fails with "Recursive update".
     */
    @SuppressWarnings("unchecked")
    static synchronized <T extends AutoCloseable> T get(Class<T> type, Supplier<T> starter) {
        AutoCloseable existing = INSTANCES.get(type);
        if (existing != null) {
            return (T) existing;
        }
        T started = starter.get();
        INSTANCES.put(type, started);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (Exception e) {
                // the JVM is going away; nothing useful to do
            }
        }, "close-" + type.getSimpleName()));
        return started;
    }
}
