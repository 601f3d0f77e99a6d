package com.catalogimage.dabauth;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code Authorization} header a service sends to Data API Builder, one of:
 * <ul>
 *   <li><b>Entra ID</b> (a scope is configured, {@code DAB_AUTH_SCOPE}, e.g. {@code api://<DAB's app id>/.default}):
 *       a token from azure-identity's {@code DefaultAzureCredential}, i.e. workload identity on AKS, a managed identity
 *       on Azure, {@code az login} on a laptop; kept and refreshed before it expires (half its lifetime, at most five
 *       minutes, before its expiry), so no request leaves with a token about to lapse;</li>
 *   <li>a <b>static token</b> ({@code DAB_TOKEN}): a development fallback only, for DAB's Simulator or a token
 *       pasted by hand; it is never refreshed and lapses with its expiry;</li>
 *   <li>nothing (DAB's anonymous role, or a provider that reads other headers).</li>
 * </ul>
 * Plain Java for the scanner's and the updater's REST clients alike (their {@code ClientHeadersFactory} asks it for
 * every call). A token is never logged.
 */
public final class DabBearer {

    private static final Logger LOG = Logger.getLogger(DabBearer.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final TokenRequestContext request;
    private final String staticToken;
    private final Clock clock;
    private AccessToken current;
    private Instant refreshAt;

    private DabBearer(TokenCredential credential, String scope, String staticToken, Clock clock) {
        this.credential = credential;
        this.request = scope == null ? null : new TokenRequestContext().addScopes(scope);
        this.staticToken = staticToken;
        this.clock = clock;
    }

    /**
     * From the services' configuration: a scope means Entra ID through {@code DefaultAzureCredential} (and a static
     * token beside it is ignored, with a warning); else the static token, if any.
     */
    public static DabBearer of(Optional<String> scope, Optional<String> staticToken) {
        Optional<String> entra = scope.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> fixed = staticToken.map(String::strip).filter(s -> !s.isEmpty());
        if (entra.isPresent()) {
            if (fixed.isPresent()) {
                LOG.warn("DAB_TOKEN is ignored: DAB_AUTH_SCOPE is set, tokens come from azure-identity");
            }
            return entraId(new DefaultAzureCredentialBuilder().build(), entra.get(), Clock.systemUTC());
        }
        return new DabBearer(null, null, fixed.orElse(null), Clock.systemUTC());
    }

    /** Tokens for {@code scope} from {@code credential}; what {@link #of} builds with DefaultAzureCredential. */
    public static DabBearer entraId(TokenCredential credential, String scope, Clock clock) {
        return new DabBearer(credential, scope, null, clock);
    }

    /** Whether requests carry a bearer token at all. */
    public boolean isConfigured() {
        return credential != null || staticToken != null;
    }

    /**
     * {@code Bearer <token>}, or empty when none is configured. Entra ID: the kept token while it is fresh, else a new
     * one; when azure-identity fails and the kept token has not expired yet, the kept one goes and the next call tries
     * again; otherwise the failure is thrown ({@link #isIdentityFailure} says what it is).
     */
    public Optional<String> authorization() {
        if (credential == null) {
            return Optional.ofNullable(staticToken).map(token -> "Bearer " + token);
        }
        return Optional.of("Bearer " + token());
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (current != null && now.isBefore(refreshAt)) {
            return current.getToken();
        }
        try {
            AccessToken fresh = credential.getTokenSync(request);
            Instant expiry = fresh.getExpiresAt().toInstant();
            Duration life = Duration.between(now, expiry);
            Duration margin = life.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(2) : MAX_MARGIN;
            current = fresh;
            refreshAt = expiry.minus(margin);
            LOG.debugf("New DAB token from azure-identity, expires %s, refreshed from %s", expiry, refreshAt);
            return fresh.getToken();
        } catch (RuntimeException e) {
            if (current != null && now.isBefore(current.getExpiresAt().toInstant())) {
                LOG.warnf("Refreshing the DAB token failed (%s); the current one is still valid until %s",
                        e.getClass().getSimpleName(), current.getExpiresAt());
                return current.getToken();
            }
            throw e;
        }
    }

    /**
     * azure-identity got no token: no identity where we run ({@code CredentialUnavailableException}) or the identity
     * platform refused us ({@code ClientAuthenticationException}). A configuration error, like a wrong key: a stage
     * pauses until a probe passes; nothing is dead-lettered for it.
     */
    public static boolean isIdentityFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (t instanceof CredentialUnavailableException || t instanceof ClientAuthenticationException) {
                return true;
            }
        }
        return false;
    }
}
