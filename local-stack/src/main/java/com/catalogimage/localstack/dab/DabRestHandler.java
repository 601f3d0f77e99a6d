package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The DAB REST surface under one path ({@code /api} or {@code /rest}): counts the request, applies injected faults,
 * checks authentication and role, finds the entity (case-sensitive, like DAB) and hands over to the table or stored
 * procedure handler. Every failure leaves as DAB's error envelope.
 */
final class DabRestHandler {

    private static final Logger LOG = Logger.getLogger(DabRestHandler.class);

    private final DabEmulator.Options options;
    private final EntraTokens tokens;
    private final DabFaults faults;
    private final DabStats stats;
    private final TableEntityHandler tables;
    private final StoredProcedureHandler procedures;
    private final URI fallbackBaseUri;
    private final TableEntity products;

    DabRestHandler(DabEmulator.Options options, EntraTokens tokens, DabFaults faults, DabStats stats, TableEntityHandler tables,
                   StoredProcedureHandler procedures, URI fallbackBaseUri) {
        this.options = options;
        this.tokens = tokens;
        this.faults = faults;
        this.stats = stats;
        this.tables = tables;
        this.procedures = procedures;
        this.fallbackBaseUri = fallbackBaseUri;
        this.products = TableEntity.products(options.altTextColumn(), options.sourceImageColumn());
    }

    void handle(HttpExchange exchange, String restPath) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        stats.recordRequest(method);
        byte[] body = JsonHttpServer.readBody(exchange);
        if (!method.equals("GET")) {
            stats.recordWrite(method, path, body);
        }
        DabResponse response;
        try {
            Optional<DabEmulatorException> fault = faults.apply(method, path);
            if (fault.isPresent()) {
                throw fault.get();
            }
            authenticate(exchange);
            response = route(exchange, restPath, method, path, body);
        } catch (DabEmulatorException e) {
            if (e.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            response = new DabResponse(e.status(), DabErrors.envelope(e.status(), e.code(), e.getMessage()), Map.of());
        } catch (RuntimeException e) {
            LOG.warnf(e, "DAB emulator failed on %s %s", method, exchange.getRequestURI());
            response = new DabResponse(500, DabErrors.envelope(500, DabErrors.UNEXPECTED_ERROR,
                    "While processing your request the server ran into an unexpected error."), Map.of());
        }
        stats.recordResponse(response.status());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            JsonHttpServer.send(exchange, response.status(), null, null);
        } else {
            JsonHttpServer.sendJson(exchange, response.status(), response.body());
        }
    }

    private void authenticate(HttpExchange exchange) {
        if (options.bearerToken() != null || tokens != null) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            String token = header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? null
                    : header.substring(7).trim();
            if (token == null) {
                throw new DabEmulatorException(401, DabErrors.AUTHENTICATION_CHALLENGE,
                        "Authentication is required: send Authorization: Bearer <token>.");
            }
            boolean staticMatch = token.equals(options.bearerToken());
            EntraTokens.Verdict verdict = staticMatch || tokens == null ? null : tokens.check(token);
            if (!staticMatch && verdict != EntraTokens.Verdict.VALID) {
                throw new DabEmulatorException(401, DabErrors.AUTHENTICATION_CHALLENGE,
                        verdict == EntraTokens.Verdict.EXPIRED ? "The bearer token has expired."
                                : "The bearer token is not valid.");
            }
        }
        if (options.requiredRole() != null) {
            String role = exchange.getRequestHeaders().getFirst("X-MS-API-ROLE");
            if (!options.requiredRole().equals(role)) {
                throw new DabEmulatorException(403, DabErrors.AUTHORIZATION_CHECK_FAILED, DabErrors.AUTHORIZATION_FAILURE);
            }
        }
    }

    private DabResponse route(HttpExchange exchange, String restPath, String method, String path, byte[] body) {
        if (!path.equals(restPath) && !path.startsWith(restPath + "/")) {
            // The JDK matches contexts by string prefix, so "/apifoo" lands here too.
            throw DabErrors.entityNotFound("Invalid Path for route: " + path.substring(1) + ".");
        }
        String route = path.substring(restPath.length());
        while (route.startsWith("/")) {
            route = route.substring(1);
        }
        while (route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        int slash = route.indexOf('/');
        String entity = slash < 0 ? route : route.substring(0, slash);
        String keyRoute = slash < 0 ? "" : route.substring(slash + 1);
        DabRequest request = new DabRequest(method, baseUri(exchange), restPath, entity, keyRoute,
                JsonHttpServer.query(exchange), exchange.getRequestURI().getRawQuery(), body,
                exchange.getRequestHeaders().getFirst("If-Match"));
        if (entity.equals(TableEntity.PRODUCTS.name())) {
            return tables.handle(request, products);
        }
        if (entity.equals(TableEntity.CATEGORIES.name())) {
            return tables.handle(request, TableEntity.CATEGORIES);
        }
        if (procedures.isProcedure(entity)) {
            return procedures.handle(request);
        }
        throw DabErrors.entityNotFound("Invalid Entity path: " + route + ".");
    }

    /** Links are built from the Host the client used, as ASP.NET does; 127.0.0.1:port when there is none. */
    private URI baseUri(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            return fallbackBaseUri;
        }
        try {
            return URI.create("http://" + host.trim());
        } catch (IllegalArgumentException e) {
            return fallbackBaseUri;
        }
    }
}
