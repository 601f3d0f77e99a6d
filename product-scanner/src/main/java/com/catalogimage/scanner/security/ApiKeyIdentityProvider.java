package com.catalogimage.scanner.security;

import com.catalogimage.scanner.config.ScannerConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/** Grants the {@code operator} role to a caller presenting the configured API key. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    public static final String OPERATOR = "operator";
    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final byte[] expected;

    public ApiKeyIdentityProvider(ScannerConfig config) {
        this.expected = config.apiKey().filter(key -> !key.isBlank())
                .map(key -> key.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    void warnWhenUnset(@Observes StartupEvent event) {
        if (expected == null) {
            LOG.warn("No scan.api-key (SCAN_API_KEY) is set: endpoints that change something refuse every call");
        }
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // Constant-time comparison: the time taken must not tell how much of a guessed key was right.
        if (expected == null || !MessageDigest.isEqual(expected, request.key().getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(OPERATOR))
                .addRole(OPERATOR)
                .build());
    }
}
