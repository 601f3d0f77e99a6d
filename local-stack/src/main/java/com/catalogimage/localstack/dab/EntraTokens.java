package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The token side of DAB with Entra ID, for tests and local runs: an identity endpoint in the dialect of Azure App
 * Service's managed identity ({@code GET <IDENTITY_ENDPOINT>?resource=…&api-version=2019-08-01} with the
 * {@code X-IDENTITY-HEADER} secret → {@code {"access_token","expires_on","resource","token_type","client_id"}}), which
 * azure-identity's {@code ManagedIdentityCredential} (and so {@code DefaultAzureCredential}) reads when
 * {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} are set; and the check DAB makes on each request's bearer
 * token. Tokens are opaque random strings valid for a configurable lifetime, so a test can watch them expire and the
 * clients refresh them; an expired one is DAB's 401 {@code AuthenticationChallenge}.
 */
public final class EntraTokens {

    /** The path of the identity endpoint on the emulator's server. */
    public static final String PATH = "/msi/token";
    /** The {@code X-IDENTITY-HEADER} secret the endpoint expects (a local emulator: fixed, not a secret). */
    public static final String IDENTITY_HEADER = "local-stack-identity-header";

    enum Verdict { VALID, EXPIRED, UNKNOWN }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final LongAdder issuedCount = new LongAdder();
    private final LongAdder expiredRefusals = new LongAdder();

    EntraTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** How long a token lives. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Tokens handed out so far: at least one per client and lifetime when the clients refresh. */
    public long issued() {
        return issuedCount.sum();
    }

    /** Requests refused because their token had expired. */
    public long expiredRefusals() {
        return expiredRefusals.sum();
    }

    /** A new token, as the identity endpoint hands out; for a test harness's own calls to the emulator. */
    public String issue() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "dab-emulator." + HexFormat.of().formatHex(random);
        issued.put(token, clock.instant().plus(lifetime));
        issuedCount.increment();
        issued.values().removeIf(at -> at.isBefore(clock.instant().minus(Duration.ofHours(1))));
        return token;
    }

    Verdict check(String token) {
        Instant expiry = issued.get(token);
        if (expiry == null) {
            return Verdict.UNKNOWN;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiredRefusals.increment();
            return Verdict.EXPIRED;
        }
        return Verdict.VALID;
    }

    void handle(HttpExchange exchange) throws IOException {
        JsonHttpServer.readBody(exchange);
        Map<String, String> query = JsonHttpServer.query(exchange);
        if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
            JsonHttpServer.sendJson(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        if (!IDENTITY_HEADER.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))) {
            JsonHttpServer.sendJson(exchange, 401, Map.of("error", "invalid_identity_header",
                    "error_description", "X-IDENTITY-HEADER is missing or wrong."));
            return;
        }
        String resource = query.get("resource");
        if (resource == null || resource.isBlank()) {
            JsonHttpServer.sendJson(exchange, 400, Map.of("error", "invalid_request",
                    "error_description", "resource is required."));
            return;
        }
        String token = issue();
        Instant expiry = issued.get(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_on", String.valueOf(expiry.getEpochSecond()));
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        body.put("client_id", "local-stack-dab-client");
        JsonHttpServer.sendJson(exchange, 200, body);
    }
}
