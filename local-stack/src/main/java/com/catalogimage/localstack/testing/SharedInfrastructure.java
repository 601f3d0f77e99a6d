package com.catalogimage.localstack.testing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One instance of each piece of infrastructure per JVM: a module's test classes share the broker, Azurite and the
 * emulators even when Quarkus restarts the application between classes. Everything closes when the JVM exits.
 */
final class SharedInfrastructure {

    private static final ConcurrentHashMap<Class<?>, AutoCloseable> INSTANCES = new ConcurrentHashMap<>();

    private SharedInfrastructure() {
    }

    @SuppressWarnings("unchecked")
    static <T extends AutoCloseable> T get(Class<T> type, Supplier<T> starter) {
        return (T) INSTANCES.computeIfAbsent(type, key -> {
            T started = starter.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // the JVM is going away; nothing useful to do
                }
            }, "close-" + key.getSimpleName()));
            return started;
        });
    }
}
