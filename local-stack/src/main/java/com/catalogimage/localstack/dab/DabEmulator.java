package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * An emulator of Microsoft Data API Builder's REST dialect over the seed's catalog schema, for tests and local runs.
 *
 * <p>Serves on 127.0.0.1 under both {@code /api} (DAB's default path) and {@code /rest} (the seed's configured path):
 * <ul>
 *   <li>table entities {@code Products} (key {@code Id}) and {@code Categories} (key {@code CategoryID}):
 *       {@code $filter $select $orderby $first $after} with {@code nextLink} keyset paging, read by key, POST,
 *       PUT/PATCH upsert ({@code If-Match: *} = update only), DELETE;</li>
 *   <li>stored-procedure entities from the seed's config: {@code GetProducts} (GET), {@code GetCategories} (GET),
 *       {@code UpdateProductImageUrl} (POST), {@code InsertProduct} (POST);</li>
 *   <li>DAB's error envelope {@code {"error":{"code","message","status"}}} for every failure;</li>
 *   <li>optional bearer token (401), static or from an Entra-like identity endpoint with expiring tokens
 *       ({@link EntraTokens}), and required {@code X-MS-API-ROLE} (403);</li>
 *   <li>test-only routes under {@code /admin/} (see {@link DabAdminHandler}), mirrored by {@link #faults()} and
 *       {@link #stats()}.</li>
 * </ul>
 * The data lives in H2 in SQL Server mode, in memory by default or in a file when {@link Options#jdbcUrl()} says so.
 */
public final class DabEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DabEmulator.class);
    private static final int THREADS = 16;

    /**
     * @param port              0 for any free port
     * @param jdbcUrl           null for a private in-memory H2 database; e.g. {@code jdbc:h2:file:/path/catalog}
     *                          persists. SQL Server mode settings are appended when missing
     * @param sampleCatalog     load {@link SampleCatalog} when {@code Products} is empty
     * @param requiredRole      non-null: requests must send {@code X-MS-API-ROLE} with this value, else 403
     * @param bearerToken       non-null: requests must send {@code Authorization: Bearer <token>}, else 401
     * @param requestBodyStrict DAB's {@code request-body-strict}: unknown fields and the key in a body are a 400
     * @param tokenLifetime     non-null: DAB with Entra ID; requests must carry a token from the emulator's identity
     *                          endpoint ({@link EntraTokens}) that is younger than this, else 401
     * @param altTextColumn     the catalog has deploy/sql's optional {@code ImageAltText} column (005) and
     *                          {@code UpdateProductImageUrl} its {@code @ImageAltText} parameter; off, it is the seed's
     *                          catalog, where a PATCH or procedure call naming either gets DAB's 400 (request-body-strict)
     * @param sourceImageColumn the catalog has deploy/sql's optional {@code SourceImageUrl NVARCHAR(1000) NULL} (006),
     *                          a product's reference photo, exposed like the other columns; off, the seed's shape
     * @param supplierPhotos    the supplier CDN's base URL for the sample catalog's photo URLs
     */
    public record Options(int port, String jdbcUrl, boolean sampleCatalog, String requiredRole, String bearerToken,
                          boolean requestBodyStrict, Duration tokenLifetime, boolean altTextColumn,
                          boolean sourceImageColumn, String supplierPhotos) {

        /** The five-argument form; request-body-strict on, as in DAB's default and the seed's config. */
        public Options(int port, String jdbcUrl, boolean sampleCatalog, String requiredRole, String bearerToken) {
            this(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, true, null, true);
        }

        /** The seven-argument form (before the alt text column): with the column. */
        public Options(int port, String jdbcUrl, boolean sampleCatalog, String requiredRole, String bearerToken,
                       boolean requestBodyStrict, Duration tokenLifetime) {
            this(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime, true);
        }

        /** The eight-argument form (before the source image column): with it, the supplier CDN on its default URL. */
        public Options(int port, String jdbcUrl, boolean sampleCatalog, String requiredRole, String bearerToken,
                       boolean requestBodyStrict, Duration tokenLifetime, boolean altTextColumn) {
            this(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime, altTextColumn,
                    true, SampleCatalog.DEFAULT_SUPPLIER_PHOTOS);
        }

        /** Any free port, a fresh in-memory database, the sample catalog, no authentication. */
        public static Options inMemory() {
            return new Options(0, null, true, null, null, true, null, true);
        }

        /**
         * With or without deploy/sql's optional {@code SourceImageUrl} column (006): off, it is a catalog without
         * reference photos, where the column is not exposed and a request naming it gets DAB's 400.
         */
        public Options withSourceImageColumn(boolean present) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime,
                    altTextColumn, present, supplierPhotos);
        }

        /**
         * The supplier CDN's base URL ({@code http://127.0.0.1:<port>}) the sample catalog's reference photos and
         * supplier-hosted images point at; {@link SampleCatalog#DEFAULT_SUPPLIER_PHOTOS} by default.
         */
        public Options withSupplierPhotos(String baseUrl) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime,
                    altTextColumn, sourceImageColumn, baseUrl);
        }

        /** With or without deploy/sql's optional alt text column (and the procedure's parameter). */
        public Options withAltTextColumn(boolean present) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime,
                    present, sourceImageColumn, supplierPhotos);
        }

        public Options withTokenLifetime(Duration lifetime) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, lifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withPort(int p) {
            return new Options(p, jdbcUrl, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withJdbcUrl(String url) {
            return new Options(port, url, sampleCatalog, requiredRole, bearerToken, requestBodyStrict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withSampleCatalog(boolean load) {
            return new Options(port, jdbcUrl, load, requiredRole, bearerToken, requestBodyStrict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withRequiredRole(String role) {
            return new Options(port, jdbcUrl, sampleCatalog, role, bearerToken, requestBodyStrict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withBearerToken(String token) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, token, requestBodyStrict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }

        public Options withRequestBodyStrict(boolean strict) {
            return new Options(port, jdbcUrl, sampleCatalog, requiredRole, bearerToken, strict, tokenLifetime, altTextColumn,
                    sourceImageColumn, supplierPhotos);
        }
    }

    private final CatalogDatabase database;
    private final JsonHttpServer server;
    private final DabFaults faults = new DabFaults();
    private final DabStats stats = new DabStats();
    private final EntraTokens tokens;

    private DabEmulator(Options options) {
        tokens = options.tokenLifetime() == null ? null : new EntraTokens(options.tokenLifetime(), Clock.systemUTC());
        database = new CatalogDatabase(options.jdbcUrl(), options.altTextColumn(), options.sourceImageColumn());
        try {
            if (options.sampleCatalog()) {
                database.loadSampleCatalogIfEmpty(options.supplierPhotos() == null ? SampleCatalog.DEFAULT_SUPPLIER_PHOTOS
                        : options.supplierPhotos());
            }
            server = new JsonHttpServer("dab-emulator", options.port(), THREADS);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        DabRestHandler rest = new DabRestHandler(options, tokens, faults, stats,
                new TableEntityHandler(database, stats, options.requestBodyStrict()),
                new StoredProcedureHandler(database, stats, options.altTextColumn()), server.baseUri());
        DabAdminHandler admin = new DabAdminHandler(this);
        server.route("/api", exchange -> rest.handle(exchange, "/api"));
        server.route("/rest", exchange -> rest.handle(exchange, "/rest"));
        server.routeLoopbackOnly("/admin/", admin::handle, DabAdminHandler::refuse);
        if (tokens != null) {
            server.route(EntraTokens.PATH, tokens::handle);
        }
    }

    public static DabEmulator start(Options options) {
        Objects.requireNonNull(options, "options");
        DabEmulator emulator = new DabEmulator(options);
        emulator.server.start();
        LOG.debugf("DAB emulator listening on %s", emulator.baseUri());
        return emulator;
    }

    /** {@code http://127.0.0.1:<port>}; DAB paths are {@code /api/...} and {@code /rest/...} below it. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public DabFaults faults() {
        return faults;
    }

    public DabStats stats() {
        return stats;
    }

    /** The Entra ID side (tokens issued, expired ones refused), when {@link Options#tokenLifetime()} is set. */
    public Optional<EntraTokens> tokens() {
        return Optional.ofNullable(tokens);
    }

    /**
     * What a client needs to get tokens from the emulator through azure-identity's managed identity (App Service
     * dialect): {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER}, and the scope to ask for as
     * {@code DAB_AUTH_SCOPE}; empty when the emulator does not emulate Entra ID.
     */
    public Map<String, String> identityEnvironment() {
        if (tokens == null) {
            return Map.of();
        }
        return Map.of("IDENTITY_ENDPOINT", baseUri() + EntraTokens.PATH, "IDENTITY_HEADER", EntraTokens.IDENTITY_HEADER,
                "DAB_AUTH_SCOPE", SCOPE);
    }

    /** The scope clients ask for: DAB's app registration in a real tenant, any resource name here. */
    public static final String SCOPE = "api://local-stack-dab/.default";

    /**
     * Inserts a product directly (no HTTP, not counted in stats) and returns its new {@code Id}.
     *
     * @throws IllegalArgumentException when the database refuses the row (unknown category, null or too long value)
     */
    public long insertProduct(String name, String description, int categoryId, String tags, BigDecimal price,
                              String imageUrl) {
        try {
            return database.insertProduct(name, description, categoryId, tags, price, imageUrl);
        } catch (DabEmulatorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
