package com.catalogimage.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** What the console reads and how it shows it. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /**
     * The scanner's operators' key ({@code CONSOLE_SCANNER_API_KEY}, else {@code SCAN_API_KEY}): sent as
     * {@code X-API-Key} to the scanner only, never shown or logged.
     */
    Optional<String> scannerApiKey();

    /** The review gate's mode ({@code REVIEW_MODE}): read by the uploader, shown here. */
    @WithDefault("auto")
    ReviewMode reviewMode();

    /** Blob Storage: where the images are listed and signed. */
    Storage storage();

    /** The SAS links pages show. */
    Sas sas();

    /** The stages the overview watches (readiness, metrics) and the scanner's API. */
    Stages stages();

    /** The daily budget the overview measures today's images and cost against. */
    Budget budget();

    /** The image quota the ETA is bounded by. */
    Quota quota();

    /** How much of each product's history the console keeps for its timeline. */
    Timeline timeline();

    /** The gallery's index of blobs. */
    Gallery gallery();

    /** On-demand generations and previews ({@code POST /generations}, the playground). */
    Generations generations();

    /** The chat model the console asks for rewrites of refused prompts and for prompt ideas. */
    Chat chat();

    /** Rewrites of prompts the image model refused (content policy). */
    PolicyRewrite policyRewrite();

    enum ReviewMode {
        AUTO, MANUAL
    }

    /**
     * Connection to Blob Storage: a connection string (the local stack, an account key), or an account URL alone, which
     * authenticates with {@code DefaultAzureCredential} (managed identity) and signs links with a user-delegation key.
     */
    interface Storage {

        /** A storage connection string with an account key ({@code AZURE_STORAGE_CONNECTION_STRING}). */
        Optional<String> connectionString();

        /** The blob endpoint, e.g. {@code https://myaccount.blob.core.windows.net} ({@code AZURE_STORAGE_ACCOUNT_URL}). */
        Optional<String> accountUrl();

        /** The public container the uploader stores images in ({@code AZURE_STORAGE_CONTAINER}). */
        @WithDefault("products")
        String container();

        /** The private container images wait in for a reviewer ({@code AZURE_STORAGE_REVIEW_CONTAINER}). */
        @WithDefault("products-review")
        String reviewContainer();
    }

    /** How restyles show the image they replace. */
    Restyle restyle();

    /** How restyles show the image they replace. */
    interface Restyle {

        /**
         * The hosts ({@code host[:port]}, {@code REFERENCE_PHOTO_HOSTS}: those the generator fetches photos from) whose
         * images a page may show: a restyle's original is drawn beside the new image only from one of these (the page's
         * Content-Security-Policy lets images come from them), else it is given as a link. Empty: links only.
         */
        Optional<List<String>> originalHosts();
    }

    /** Read-only links to blobs. */
    interface Sas {

        /**
         * How long a link stays valid, in minutes ({@code CONSOLE_SAS_MINUTES}): at most 15, refused at start-up beyond
         * that. A page is re-rendered (or the gallery refreshed) far more often than that.
         */
        @WithDefault("10")
        int minutes();
    }

    /** Where the other services answer. */
    interface Stages {

        /** Base URL of each stage by its service name (scanner, generator, uploader, updater): readiness and metrics. */
        Map<String, String> urls();

        /** How long one readiness or metrics call may take before the stage is shown as unreachable. */
        @WithDefault("2s")
        Duration timeout();

        /** How often the overview's stage figures (readiness, metrics, lag) are read in the background. */
        @WithDefault("5s")
        Duration refresh();

        /** Consumer group of each stage by its service name, for its lag (as in that service's application.properties). */
        Map<String, String> groups();
    }

    /** Today's limits; zero means none. */
    interface Budget {

        /** Images per UTC day ({@code BUDGET_DAILY_IMAGES}). */
        @WithDefault("0")
        long dailyImages();

        /** List-price cost per UTC day in US dollars ({@code BUDGET_DAILY_COST_USD}). */
        @WithDefault("0")
        BigDecimal dailyCostUsd();
    }

    /** The image API's quota. */
    interface Quota {

        /** Requests per minute of one deployment ({@code AZURE_OPENAI_RPM}). */
        @WithDefault("6")
        int rpm();

        /** Deployments the generator spreads over; with {@link #rpm()} the most images a minute can make. */
        @WithDefault("1")
        int deployments();
    }

    /** The timeline's memory. */
    interface Timeline {

        /**
         * Statuses kept per product: enough for a few attempts of every stage; older ones go first. The topic itself
         * is compacted, so after a restart a product's history is what compaction left of it.
         */
        @WithDefault("50")
        int maxPerProduct();
    }

    /** The blob index behind the gallery. */
    interface Gallery {

        /** How often both containers are listed again in the background (new statuses also trigger a listing). */
        @WithDefault("60s")
        Duration refresh();

        /**
         * The least time between two listings asked for by new statuses: a busy run stores an image every few seconds,
         * and each listing reads every blob of both containers.
         */
        @WithDefault("5s")
        Duration minGap();

        /** Cards per page. */
        @WithDefault("60")
        int pageSize();
    }

    /** {@code POST /generations}: who may ask how often, and where previews go. */
    interface Generations {

        /**
         * The generator's previews key ({@code CONSOLE_GENERATOR_API_KEY}, the generator's {@code GENERATOR_API_KEY}):
         * sent as {@code X-API-Key} to the generator only, never shown or logged. Unset: previews are refused (503).
         */
        Optional<String> generatorApiKey();

        /**
         * The private container previews are stored in ({@code AZURE_STORAGE_PREVIEW_CONTAINER}): created private if
         * missing; one that allows anonymous reads is refused (no preview is stored in it), as the review container is.
         */
        @WithDefault("products-preview")
        String previewContainer();

        /** Generations (MANUAL requests and previews) each user may ask for per minute, on average. */
        @WithDefault("6")
        int perMinute();

        /** How many a user may ask for at once before the per-minute rate applies (the bucket's size). */
        @WithDefault("4")
        int burst();

        /**
         * How long an {@code Idempotency-Key}'s answer is kept in memory: the same key within it gets the same answer
         * without a second call. A preview's answer is also found again in its container after a restart.
         */
        @WithDefault("24h")
        Duration idempotencyWindow();

        /** The most keys remembered at once (the oldest are forgotten first beyond it). */
        @WithDefault("10000")
        int idempotencyKeys();

        /** The most products the playground previews a template on at once. */
        @WithDefault("4")
        int previewProducts();
    }

    /**
     * The chat deployment ({@code CHAT_*}, defaulting to the image API's {@code AZURE_OPENAI_*}: one Azure OpenAI
     * resource), mapped onto {@code ChatSettings} by {@code client/ConsoleChat}.
     */
    interface Chat {

        /** The Azure OpenAI resource, e.g. {@code https://x.openai.azure.com} ({@code CHAT_ENDPOINT}, else {@code AZURE_OPENAI_ENDPOINT}). */
        Optional<String> endpoint();

        /** The chat deployment's name, or the model sent on the v1 path ({@code CHAT_DEPLOYMENT}). */
        @WithDefault("gpt-5-mini")
        String deployment();

        /** The model family behind the deployment, for prices and parameter rules ({@code CHAT_MODEL}); unset: the deployment's name. */
        Optional<String> model();

        /** The {@code api-key} ({@code CHAT_API_KEY}, else {@code AZURE_OPENAI_API_KEY}); unset: Entra ID tokens. Never logged. */
        Optional<String> apiKey();

        /** {@code legacy} (deployment path with api-version) or {@code unified} ({@code /openai/v1}) ({@code CHAT_PATH_MODE}, else {@code AZURE_OPENAI_PATH_MODE}). */
        @WithDefault("legacy")
        String pathMode();

        /** The api-version of the legacy path ({@code CHAT_API_VERSION}). */
        @WithDefault("2025-04-01-preview")
        String apiVersion();

        /** How long one chat call may take ({@code CHAT_TIMEOUT}). */
        @WithDefault("60s")
        Duration timeout();

        /** openai-java's own retries of 429 and 5xx ({@code CHAT_MAX_RETRIES}); 0 turns them off. */
        @WithDefault("2")
        int maxRetries();

        /**
         * The most the console's own chat calls (rewrites, ideas) may cost per UTC day, in US dollars
         * ({@code CONSOLE_CHAT_DAILY_BUDGET_USD}); zero means no limit. Counted in this process: a restart starts the
         * day's count again.
         */
        @WithDefault("1.00")
        BigDecimal dailyBudgetUsd();
    }

    /** What the console does with content-policy dead letters. */
    interface PolicyRewrite {

        /**
         * {@code suggest}: an operator asks for a rewrite and replays it; {@code auto}: a background job also replays one
         * rewrite per product, never a prompt already refused ({@code POLICY_REWRITE}).
         */
        @WithDefault("suggest")
        Mode mode();

        /** How often the automatic job looks at the content-policy dead letters. */
        @WithDefault("60s")
        Duration interval();

        enum Mode {
            SUGGEST, AUTO
        }
    }
}
