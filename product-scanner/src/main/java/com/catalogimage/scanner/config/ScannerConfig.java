package com.catalogimage.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the scanner reads the catalog and decides what to request. */
@ConfigMapping(prefix = "scan")
public interface ScannerConfig {

    /**
     * Time between two scheduled scans: how long a product added to the catalog waits, at most, before it is requested
     * (new products go first), and how often the requests in flight are refilled up to {@link #maxInFlight()}.
     */
    @WithDefault("15s")
    Duration interval();

    /** Delay between start-up and the first scheduled scan. */
    @WithDefault("2s")
    Duration firstDelay();

    /** How the catalog is read through Data API Builder. */
    @WithDefault("table")
    CatalogMode mode();

    /**
     * The catalog's reference-photo column ({@code CATALOG_SOURCE_IMAGE_COLUMN}, {@code SourceImageUrl} unless set;
     * empty: none), read into {@code Product.sourceImageUrl}: the generator then makes the image from that photo
     * ({@code /images/edits}). A catalog without the column is read without it, after one WARN.
     */
    Optional<String> sourceImageColumn();

    /**
     * Restyles ({@code RESTYLE_IMAGE_URL_PREFIXES}, comma list; empty: off): a product whose {@code ImageUrl} starts
     * with one of these (a supplier's CDN, say) is requested once with mode RESTYLE, a new image made from its current
     * one. It always waits for a reviewer, and the catalog keeps the original until one approves (decision 0032).
     */
    Optional<List<String>> restyleImageUrlPrefixes();

    /** Rows per page in table mode ({@code $first}). */
    @WithDefault("100")
    int pageSize();

    /**
     * A product REQUESTED, GENERATED or STORED for longer than this is reported stuck (scan report, gauge
     * {@code scanner_products_stuck}, a WARN line), never requested again automatically: its records wait in Kafka for
     * a stage that does not move. Long enough for delayed retries and a bounded queue to pass.
     */
    @WithDefault("30m")
    Duration inFlightTimeout();

    /**
     * The most requests in flight (REQUESTED, not yet generated) a scan tops up to; the products due beyond it wait for
     * a later scan, new ones first. Unset: derived from {@link #quotaPerMinute()}, {@link #interval()} and
     * {@link #inFlightHeadroom()} (the quota for one interval plus the headroom), enough to keep the generator busy
     * until the next scan and no more, so that a new product is not queued behind the backlog.
     */
    Optional<Integer> maxInFlight();

    /**
     * The generator's pooled image quota, in requests per minute: the sum of {@code AZURE_OPENAI_RPM} over its
     * deployments (6 is Azure's default for one). Only used to derive {@link #maxInFlight()}.
     */
    @WithDefault("6")
    int quotaPerMinute();

    /**
     * The work the generator should still hold when a scan comes, beyond one scan interval's worth: image calls take
     * seconds each (several run at once) and scans do not come to the millisecond.
     */
    @WithDefault("20s")
    Duration inFlightHeadroom();

    /** Input hygiene: what is not worth paying a model for. */
    Hygiene hygiene();

    /** What the estimate prices: should match the generator's deployment settings. */
    Estimate estimate();

    /**
     * The operators' API key, sent as {@code X-API-Key}: required by every endpoint that changes something
     * ({@code POST /scans}, {@code POST /dead-letters/replay}) and by the dead-letter listing. Comes from the environment
     * ({@code SCAN_API_KEY}); when unset only OIDC operators get in, or nobody when OIDC is off.
     */
    Optional<String> apiKey();

    /** Operators signing in with an OIDC bearer token instead of the API key. */
    Oidc oidc();

    enum CatalogMode {
        /** Table entities {@code Products} and {@code Categories}, filtered and paged on the server. */
        TABLE,
        /** The seed's {@code GetProducts} stored procedure, filtered here: works with the seed's DAB config unchanged. */
        STORED_PROCEDURE
    }

    interface Oidc {
        /**
         * Values of the token's role claim ({@code quarkus.oidc.roles.role-claim-path}: {@code groups} by default, for
         * example {@code roles} for Entra ID app roles) that make the caller an operator, as if it had sent the API key.
         * Only used when OIDC is enabled ({@code OIDC_ENABLED=true}).
         */
        @WithDefault("operator")
        List<String> operatorRoles();
    }

    interface Hygiene {
        /** A description with fewer words than this (after cleaning) is too vague to draw from. */
        @WithDefault("4")
        int minDescriptionWords();

        /** Descriptions that say nothing, compared after lower-casing and removing punctuation. */
        @WithDefault("n/a,na,none,tbd,todo,test,nice product,good product,great product,good quality item,high quality product,description,no description,product,item")
        List<String> vagueDescriptions();
    }

    /**
     * The generator's quality check ({@code QUALITY_CHECK}: off, advisory or enforce), read here for the estimate: unless
     * it is off, every image is followed by one paid vision call.
     */
    @WithDefault("${QUALITY_CHECK:advisory}")
    String qualityCheck();

    /** The generator's chat model, a key of the chat price table ({@code CHAT_MODEL}, default the deployment's name). */
    @WithDefault("${CHAT_MODEL:${CHAT_DEPLOYMENT:gpt-5-mini}}")
    String chatModel();

    interface Estimate {
        /** Model family, a key of the image model profiles ({@code image-models}). */
        @WithDefault("${IMAGE_MODEL:gpt-image-2}")
        String model();

        /** Images per call ({@code IMAGE_VARIANTS}, 1-4): every one is paid for. */
        @WithDefault("${IMAGE_VARIANTS:1}")
        int variants();

        /** Quality setting. */
        @WithDefault("${IMAGE_QUALITY:low}")
        String quality();

        /** Image size. */
        @WithDefault("${IMAGE_SIZE:1024x1024}")
        String size();
    }
}
