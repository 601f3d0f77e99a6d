package com.catalogimage.updater.support;

import com.catalogimage.localstack.dab.DabEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A DAB emulator of its own that demands the role {@code catalog-admin}, while the updater is configured to act as
 * {@code catalog-updater}: every call answers 403 AuthorizationCheckFailed. {@link #grantRole()} fixes it the way an
 * operator would, by letting {@code catalog-updater} in: the emulator restarts on the same port and database file.
 */
public class RoleCheckingDab implements QuarkusTestResourceLifecycleManager {

    public static final String UPDATER_ROLE = "catalog-updater";
    private static Path database;
    private static DabEmulator emulator;

    @Override
    public Map<String, String> start() {
        try {
            database = Files.createTempDirectory("role-dab");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator = DabEmulator.start(options().withRequiredRole("catalog-admin"));
        return Map.of("quarkus.rest-client.dab.url", emulator.baseUri() + "/api", "dab.role", UPDATER_ROLE);
    }

    public static DabEmulator emulator() {
        return emulator;
    }

    public static synchronized void grantRole() {
        int port = emulator.port();
        emulator.close();
        emulator = DabEmulator.start(options().withPort(port).withRequiredRole(UPDATER_ROLE));
    }

    private static DabEmulator.Options options() {
        return DabEmulator.Options.inMemory().withJdbcUrl("jdbc:h2:file:" + database.resolve("catalog"));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
