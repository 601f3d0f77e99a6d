package com.catalogimage.console.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Values derived at start-up. Random values, new in every process (outside the {@code console} prefix: that one is {@link ConsoleConfig}s alone), for the secrets nobody set: a password left unset is one of these (nobody knows
 * it, so that user cannot log in; an empty password is refused by Quarkus's configuration), and so is the session
 * cookie's key when {@code CONSOLE_SESSION_KEY} is unset. Not {@code ${quarkus.uuid}}: that value also names the status
 * channel's consumer group, which Kafka logs and lists. Never logged; the lowest ordinal, so any set value wins.
 */
public final class GeneratedSecrets implements ConfigSource {

    public static final String OPERATOR_PASSWORD = "console-generated.operator-password";
    public static final String VIEWER_PASSWORD = "console-generated.viewer-password";
    public static final String SESSION_KEY = "console-generated.session-key";
    /**
     * The mechanism pages authenticate with: {@code code} (OIDC authorization code flow) when
     * {@code CONSOLE_OIDC_ENABLED=true}, else {@code form}. Derived here because both mechanisms are built in (form
     * login is a build-time choice) and a page must challenge with exactly one: the identity provider's login in
     * production, the console's own page locally.
     */
    public static final String AUTH_MECHANISM = "console-generated.auth-mechanism";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values = Map.of(
            OPERATOR_PASSWORD, random(), VIEWER_PASSWORD, random(), SESSION_KEY, random(),
            AUTH_MECHANISM, "true".equalsIgnoreCase(System.getenv().getOrDefault("CONSOLE_OIDC_ENABLED", "").strip())
                    ? "code" : "form");

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "operator-console generated secrets";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
