package com.catalogimage.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the image model lives and what the generator asks it for. The model is configuration, never code. */
@ConfigMapping(prefix = "generator")
public interface GeneratorConfig {

    /**
     * The Azure OpenAI resource endpoint without {@code /openai}, e.g. {@code https://my-resource.openai.azure.com}.
     * Defaults to the local stack's image-API emulator.
     */
    @WithDefault("http://localhost:8090")
    String endpoint();

    /** How the generator proves who it is: the resource's API key, or an Entra ID token (managed identity). */
    @WithDefault("api-key")
    Auth auth();

    /**
     * The resource's API key, sent as the {@code api-key} header; required with {@code auth=api-key}. From the
     * environment ({@code AZURE_OPENAI_API_KEY}) only; never logged. Named {@code openai-api-key}: as
     * {@code generator.api-key} the environment variable {@code GENERATOR_API_KEY} (the previews' key, issue 13's
     * contract) would override it.
     */
    @WithName("openai-api-key")
    Optional<String> apiKey();

    enum Auth {
        /** The {@code api-key} header. */
        API_KEY,
        /**
         * {@code Authorization: Bearer} with a token from azure-identity's {@code DefaultAzureCredential} (workload or
         * managed identity, environment, Azure CLI) for the Cognitive Services scope.
         */
        ENTRA_ID
    }

    /** Which of Azure's two URL shapes to call. {@code AUTO} is not offered: it only recognises real Azure host names. */
    @WithDefault("legacy")
    PathMode pathMode();

    /** The {@code api-version} query parameter of the legacy deployment path. */
    @WithDefault("2025-04-01-preview")
    String apiVersion();

    /**
     * The Azure deployment name: the path segment (legacy) or the {@code model} field (v1) ({@code IMAGE_DEPLOYMENT},
     * or {@code AZURE_OPENAI_DEPLOYMENT} as before).
     */
    @WithDefault("gpt-image-2")
    String deployment();

    /**
     * The model behind the deployment ({@code IMAGE_MODEL}), e.g. {@code gpt-image-2}: its profile in
     * {@code image-models.profiles} (pipeline-contracts, docs/decisions/0028) says which sizes, qualities, formats and
     * parameters it takes, what it costs and when it retires. The service does not start when the model has no profile,
     * has retired, or does not take a setting below; it warns when the model retires within 60 days. Must match what
     * the deployment really runs.
     */
    @WithDefault("gpt-image-2")
    String model();

    /** Whether the model is a dall-e one, which takes other parameters (no output format) and shorter prompts. */
    default boolean dallE() {
        return isDallE(model());
    }

    static boolean isDallE(String model) {
        return model != null && model.startsWith("dall-e");
    }

    /**
     * {@code WIDTHxHEIGHT} or {@code auto} ({@code IMAGE_SIZE}), as the model's profile allows: gpt-image-2 takes any
     * size whose edges are multiples of 16 within its rule (e.g. {@code 1024x1024}, {@code 1536x1024},
     * {@code 2048x2048}), the 1.x models {@code 1024x1024}, {@code 1024x1536}, {@code 1536x1024} or {@code auto}.
     */
    @WithDefault("1024x1024")
    String size();

    /** {@code low}, {@code medium}, {@code high} or {@code auto} ({@code IMAGE_QUALITY}), as the model's profile allows. */
    @WithDefault("low")
    String quality();

    /** {@code png} or {@code jpeg}; the uploader stores what is asked for here. Ignored for dall-e (always PNG). */
    @WithDefault("png")
    String outputFormat();

    /** {@code output_compression} 0-100 for jpeg; unset leaves the service default. */
    Optional<Integer> outputCompression();

    /**
     * {@code transparent}, {@code opaque} or {@code auto}, as the model's profile allows (gpt-image-2: no
     * {@code transparent}); unset leaves the service default.
     */
    Optional<String> background();

    /**
     * {@code moderation} ({@code IMAGE_MODERATION}): {@code auto} (the service's default filtering) or {@code low}
     * (less restrictive), sent only when set; a model whose profile does not take it fails at start-up. Whatever it
     * says, a refusal ({@code moderation_blocked}, {@code content_policy_violation}, ...) is a CONTENT_POLICY dead
     * letter, never retried.
     */
    Optional<String> moderation();

    /**
     * How many images one call makes ({@code IMAGE_VARIANTS}, 1-4, {@code n}): the first is the image, the others travel
     * as {@code GeneratedImage.variants} for a reviewer to pick from. The cost counts all of them; the quality check
     * judges the first only (its verdict stands for the call); the daily image cap counts calls. All images of a call
     * together must fit {@link #maxImageBytes()}, else the call is an INVALID_IMAGE failure as for one image too large.
     */
    @WithDefault("1")
    int variants();

    /** The largest {@link #variants()}. */
    int MAX_VARIANTS = 4;

    /** Reference photos and restyles: where the generator may fetch a product's photo from (docs/decisions/0030). */
    ReferencePhoto referencePhoto();

    interface ReferencePhoto {
        /**
         * The hosts a photo may come from ({@code REFERENCE_PHOTO_HOSTS}): comma-separated {@code host} (any port) or
         * {@code host:port}, compared case-insensitively with the URL's (and each redirect's) authority. Empty: reference
         * photos are off, and a request that needs one (a source photo, a restyle) is dead-lettered INVALID_REQUEST.
         */
        Optional<List<String>> hosts();

        /**
         * Whether a host may resolve to a loopback, site-local (10/8, 172.16/12, 192.168/16), unique-local (fc00::/7),
         * any-local or multicast address ({@code REFERENCE_PHOTO_PRIVATE_ADDRESSES}): only for the local stack and
         * tests. Link-local addresses (169.254/16, fe80::/10: cloud metadata endpoints) are refused whatever it says.
         */
        @WithDefault("false")
        boolean privateAddresses();

        /** The largest photo read; a longer body is cut off and the photo refused. */
        @WithDefault("8000000")
        int maxBytes();

        /** How long the whole fetch (connect, redirects, body) may take; longer is a transient failure. */
        @WithDefault("10s")
        Duration timeout();

        /** Redirects followed, each to an allowed host and checked again like the first URL. */
        @WithDefault("2")
        int maxRedirects();
    }

    /**
     * How long one call may take. gpt-image calls take 10-60 s at high quality; the SDK gives up after this and the
     * call counts as a transient failure.
     */
    @WithDefault("120s")
    Duration timeout();

    /**
     * How long a shutdown (SIGTERM) waits for the requests in hand: their calls to answer and their images to be
     * published and entered in the ledger (docs/decisions/0014). Longer than {@link #timeout()} plus a wait for a
     * permit, so that a call that has started can end; what still runs after it is abandoned, as at a crash, and its
     * record comes again. Kubernetes' {@code terminationGracePeriodSeconds} must be longer still (deploy-validation
     * checks it).
     */
    @WithDefault("150s")
    Duration shutdownGrace();

    /**
     * The largest decoded image accepted, and the bound of all images of one call together ({@link #variants()}). Images
     * travel inline as base64 (4/3 larger) in a record limited to {@code Topics.MAX_MESSAGE_BYTES} (16 MiB), beside the
     * request and its prompt: 12 MB leaves room for both. A call whose images exceed it is an INVALID_IMAGE failure
     * (dead letter), as one image too large always was: lower the size, the quality or the variants.
     */
    @WithDefault("12000000")
    int maxImageBytes();


    /** How prompts are built from the catalog's text. */
    Prompt prompt();

    /**
     * Requests per minute the generator sends to one deployment, per instance: the deployment's Azure quota divided by
     * the number of replicas. Azure's default for image models is 6 (2 capacity units). Used for the single deployment
     * above, and for pool members that set no limit of their own.
     */
    @WithDefault("6")
    int requestsPerMinute();

    /**
     * A pool of deployments (other regions, endpoints or resources) to spread calls over, each with its own quota. The
     * generator sends each call to the member whose next permit comes first and moves away from a member that answers
     * 429 or 5xx. Empty: the single deployment configured by {@code endpoint}, {@code deployment} and {@code path-mode}.
     * All members must run the same {@link #model()}.
     */
    Map<String, PoolMember> deployments();

    /** How long a pool member that answered 5xx or timed out is avoided while other members can take the call. */
    @WithDefault("10s")
    Duration failoverCooldown();

    /** Daily spending caps, per UTC day. */
    Budget budget();

    /** Stopping on configuration errors and a blocked resource. */
    Halt halt();

    /**
     * The quality check after each generation (docs/decisions/0024). Named {@code quality-check}, not {@code quality},
     * which is the image quality ({@code low}, {@code medium}, {@code high}).
     */
    QualityCheck qualityCheck();

    /** The chat and vision model that makes the quality check ({@code CHAT_*}, default: the image API's resource). */
    Chat chat();

    /** {@code POST /previews}: an image from a free prompt or a template, for the console's playground. */
    Preview preview();

    /** How the quality check's verdict is used. */
    enum QualityMode {
        /** No check, no call: every image carries a NOT_CHECKED verdict with alt text from the product's name. */
        OFF,
        /** One check per image; the verdict travels with it, a failing image is published all the same. */
        ADVISORY,
        /**
         * A failing image is generated again with the critique folded into the prompt (at most
         * {@link QualityCheck#maxRegenerations()}), then goes to review ({@code REVIEW_MODE=manual}) or is dead-lettered
         * {@code QUALITY_REJECTED}.
         */
        ENFORCE
    }

    interface QualityCheck {
        /** {@code off}, {@code advisory} or {@code enforce} ({@code QUALITY_CHECK}). */
        @WithDefault("advisory")
        QualityMode mode();

        /**
         * With {@code enforce}: how many times a product's image that failed its check is generated again in one
         * delivery ({@code QUALITY_MAX_REGENERATIONS}); each is paid for and counted in the budget.
         */
        @WithDefault("1")
        int maxRegenerations();

        /**
         * The uploader's review gate ({@code REVIEW_MODE}, {@code auto} or {@code manual}): with {@code manual} an image
         * that still fails under {@code enforce} goes to a reviewer with its failing verdict instead of a dead letter.
         */
        @WithDefault("auto")
        String reviewMode();

        /** Whether a person reviews every image before it is published. */
        default boolean manualReview() {
            return "manual".equalsIgnoreCase(reviewMode().strip());
        }

        /** The longest critique folded into a regeneration's prompt, after cleaning. */
        @WithDefault("600")
        int maxCritiqueChars();
    }

    interface Chat {
        /** The Azure OpenAI resource without {@code /openai} ({@code CHAT_ENDPOINT}, default the image API's). */
        String endpoint();

        /** The chat deployment's name ({@code CHAT_DEPLOYMENT}). */
        @WithDefault("gpt-5-mini")
        String deployment();

        /** The model behind the deployment, for prices and parameter rules ({@code CHAT_MODEL}, default the deployment). */
        @WithDefault("gpt-5-mini")
        String model();

        /** The {@code api-key} ({@code CHAT_API_KEY}, default the image API's key); unset: Entra ID tokens. Never logged. */
        Optional<String> apiKey();

        /** Which URL shape ({@code CHAT_PATH_MODE}, default the image API's). */
        @WithDefault("legacy")
        PathMode pathMode();

        /** The legacy path's {@code api-version} ({@code CHAT_API_VERSION}). */
        @WithDefault("2025-04-01-preview")
        String apiVersion();

        /** One call's limit ({@code CHAT_TIMEOUT}). */
        @WithDefault("60s")
        Duration timeout();

        /** openai-java's own retries of 429 and 5xx ({@code CHAT_MAX_RETRIES}); 0 turns them off. */
        @WithDefault("2")
        int maxRetries();
    }

    interface Preview {
        /** Whether {@code POST /previews} is served at all ({@code GENERATOR_PREVIEWS}). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The key callers send as {@code X-API-Key} ({@code GENERATOR_API_KEY}; the console holds it as
         * {@code CONSOLE_GENERATOR_API_KEY}). Required in prod while previews are enabled. Never logged.
         */
        Optional<String> apiKey();

        /** How long a preview may wait for the budget or a deployment's permit before it is answered 429. */
        @WithDefault("30s")
        Duration maxWait();
    }

    interface PoolMember {
        /** The member's endpoint without {@code /openai}; default: {@code generator.endpoint}. */
        Optional<String> endpoint();

        /** The Azure deployment name; default: the member's key in the map. */
        Optional<String> deployment();

        /** The member's own API key (never logged); default: {@code generator.openai-api-key} or Entra ID as configured. */
        Optional<String> apiKey();

        /** The member's requests per minute for this instance; default: {@code generator.requests-per-minute}. */
        Optional<Integer> requestsPerMinute();

        /** The member's URL shape; default: {@code generator.path-mode}. */
        Optional<PathMode> pathMode();
    }

    interface Budget {
        /**
         * Images per UTC day, all instances together (counted from the status topic); unset: no cap. When reached,
         * consuming pauses until the next UTC day or a raised cap; nothing is dead-lettered.
         */
        Optional<Integer> dailyImages();

        /** List-price spend per UTC day in USD, all instances together; unset: no cap. */
        Optional<BigDecimal> dailyCostUsd();
    }

    interface Halt {
        /**
         * While halted, one request is let through this often as the probe: if the API serves it, consuming resumes.
         * One image call per interval at most, so a long halt costs next to nothing.
         */
        @WithDefault("60s")
        Duration probeInterval();
    }

    enum PathMode {
        /** {@code POST {endpoint}/openai/deployments/{deployment}/images/generations?api-version=...} */
        LEGACY,
        /** {@code POST {endpoint}/openai/v1/images/generations} with the deployment as {@code model} */
        UNIFIED
    }

    interface Prompt {
        /**
         * The seed's prompt template. Placeholders: {@code {name}}, {@code {description}}, {@code {category}},
         * {@code {tags}}. A line whose placeholder has no value is left out, so the model never reads "Tags: null".
         */
        @WithDefault("""
                Create a clean product photo for an online store.

                Product Name: {name}
                Description: {description}
                Category: {category}
                Tags: {tags}

                Show the product fully visible, perfectly centered in the frame, with no cropping. \
                Use a straight-on perspective, on a plain white background.
                Do not include any text, labels, props, packaging, or background scene.
                Ensure the product appears balanced, isolated, and positioned centrally as if professionally shot \
                for a catalog.""")
        String template();

        /** Longest text kept of one catalog field after cleaning (the seed's Description column is 1000 characters). */
        @WithDefault("1000")
        int maxFieldChars();
    }
}
