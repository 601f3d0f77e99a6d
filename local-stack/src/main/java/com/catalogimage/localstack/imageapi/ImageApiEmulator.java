package com.catalogimage.localstack.imageapi;

import com.catalogimage.localstack.http.JsonHttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An emulator of an Azure OpenAI resource for tests and local runs: image generation and edits, checked per model
 * ({@link ModelRules}; real PNG/JPEG images of the requested size, the prompt embedded in each, see {@link PromptChunk}) and chat completions with image input and
 * structured outputs (the quality check's vision model, prompt rewrites and ideas, steered by {@link VisionRules}),
 * Azure's error bodies, per-deployment rate limits with {@code Retry-After}/{@code retry-after-ms}, fault injection and
 * counters that show whether anything was generated twice.
 *
 * <p>Serves, on {@link #baseUri()} (the Azure "endpoint"):
 * <ul>
 *   <li>{@code POST /openai/deployments/{deployment}/images/generations?api-version=...} (legacy path)</li>
 *   <li>{@code POST /openai/v1/images/generations} with {@code "model": "<deployment>"} in the body (v1 path)</li>
 *   <li>{@code POST /openai/deployments/{deployment}/images/edits?api-version=...} and {@code POST /openai/v1/images/edits}
 *       ({@code model} as a form field): multipart edits with reference images (see the package documentation)</li>
 *   <li>{@code POST /openai/deployments/{deployment}/chat/completions?api-version=...} and
 *       {@code POST /openai/v1/chat/completions} (see {@link ChatCompletionsHandler}); an image deployment asked for
 *       chat, or a chat deployment asked for images, answers 400 {@code OperationNotSupported}</li>
 *   <li>{@code /admin/...}: stats, faults and configuration; not part of Azure's API (see {@link ImageApiAdminHandler})</li>
 * </ul>
 * Authentication: with an {@link Options#apiKey()} set, a request needs header {@code api-key: <key>} or
 * {@code Authorization: Bearer <key>}. The bearer form stands in for an Entra ID token: the emulator cannot validate
 * tokens, so the key itself is the only token it accepts. With a null key anything is accepted.
 *
 * <p>Emulated latency ({@code latency ± jitter}) is applied only to image requests that reach the model (successes and
 * content-policy rejections); auth, path, validation errors and 429s answer at once, as on the real service. A
 * deployment's injected {@link ImageApiFaults#delay(Duration) delay} applies to both routes.
 */
public final class ImageApiEmulator implements AutoCloseable {

    /**
     * A model deployment.
     *
     * @param name              the deployment name clients put in the path or in {@code model}
     * @param model             the model behind it; names starting with {@code dall-e} get dall-e-3's parameters
     * @param requestsPerMinute rate limit, 0 = unlimited
     * @param retired           answers 404 DeploymentNotFound, as Azure does once a model is retired
     */
    public record Deployment(String name, String model, int requestsPerMinute, boolean retired) {
        public Deployment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(model, "model");
            if (requestsPerMinute < 0) {
                throw new IllegalArgumentException("requestsPerMinute must be >= 0");
            }
        }

        /** A live, unlimited deployment whose name is its model. */
        public static Deployment of(String model) {
            return new Deployment(model, model, 0, false);
        }

        public Deployment withRequestsPerMinute(int rpm) {
            return new Deployment(name, model, rpm, retired);
        }

        public Deployment withRetired(boolean isRetired) {
            return new Deployment(name, model, requestsPerMinute, isRetired);
        }

        /**
         * Whether the model behind it is a chat (and vision) model rather than an image model: anything but
         * {@code gpt-image*} and {@code dall-e*}. Each route answers 400 {@code OperationNotSupported} for the other kind.
         */
        public boolean isChatModel() {
            String lower = model.toLowerCase(Locale.ROOT);
            return !lower.startsWith("gpt-image") && !lower.startsWith("dall-e");
        }

        /** The gpt-5 and o-series reasoning models: {@code max_completion_tokens} only, default temperature only. */
        public boolean isReasoningModel() {
            String lower = model.toLowerCase(Locale.ROOT);
            return lower.startsWith("gpt-5") || lower.matches("^o\\d.*");
        }
    }

    /**
     * Start-up options.
     *
     * @param port         0 = any free port
     * @param apiKey       the key to require; null = accept any or none
     * @param blockedTerms case-insensitive substrings of a prompt that trigger the content-policy 400
     * @param latency      added before answering requests that reach the model
     * @param jitter       uniform ± around the latency
     * @param threads      request threads; each emulated latency or held request occupies one
     * @param bind         the address to listen on: loopback, or the wildcard in a container; {@code /admin/} answers
     *                     loopback callers only either way
     */
    public record Options(int port, String apiKey, List<Deployment> deployments, List<String> blockedTerms,
                          Duration latency, Duration jitter, int threads, InetAddress bind) {
        public Options {
            Objects.requireNonNull(bind, "bind");
            deployments = List.copyOf(deployments);
            blockedTerms = List.copyOf(blockedTerms);
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }

        /**
         * Port 0, key {@code local-dev-key}, deployments {@code gpt-image-1-mini} and {@code gpt-image-1.5} (unlimited), a
         * retired {@code dall-e-3} and the chat and vision deployment {@code gpt-5-mini} (unlimited); blocked term
         * {@code jeans} (the seed's "Blue Denim Jeans" was rejected); no latency; 64 threads.
         */
        public static Options defaults() {
            return new Options(0, "local-dev-key",
                    List.of(Deployment.of("gpt-image-2"), Deployment.of("gpt-image-1-mini"), Deployment.of("gpt-image-1.5"),
                            Deployment.of("dall-e-3").withRetired(true), Deployment.of("gpt-5-mini")),
                    List.of("jeans"), Duration.ZERO, Duration.ZERO, 64, InetAddress.getLoopbackAddress());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, apiKey, deployments, blockedTerms, latency, jitter, threads, bind);
        }

        public Options withApiKey(String newApiKey) {
            return new Options(port, newApiKey, deployments, blockedTerms, latency, jitter, threads, bind);
        }

        public Options withDeployments(List<Deployment> newDeployments) {
            return new Options(port, apiKey, newDeployments, blockedTerms, latency, jitter, threads, bind);
        }

        /** Adds the deployment, or replaces the one with the same name. */
        public Options withDeployment(Deployment deployment) {
            List<Deployment> list = new ArrayList<>(deployments);
            list.removeIf(d -> d.name().equals(deployment.name()));
            list.add(deployment);
            return withDeployments(list);
        }

        public Options withBlockedTerms(List<String> newBlockedTerms) {
            return new Options(port, apiKey, deployments, newBlockedTerms, latency, jitter, threads, bind);
        }

        public Options withLatency(Duration newLatency) {
            return new Options(port, apiKey, deployments, blockedTerms, newLatency, jitter, threads, bind);
        }

        public Options withJitter(Duration newJitter) {
            return new Options(port, apiKey, deployments, blockedTerms, latency, newJitter, threads, bind);
        }

        public Options withBind(InetAddress newBind) {
            return new Options(port, apiKey, deployments, blockedTerms, latency, jitter, threads, newBind);
        }

        public Options withThreads(int newThreads) {
            return new Options(port, apiKey, deployments, blockedTerms, latency, jitter, newThreads, bind);
        }
    }

    /** Which of Azure's documented refusal bodies a blocked prompt gets. */
    public enum PolicyErrorStyle {
        /**
         * The model's own (the default): 400 {@code moderation_blocked} on gpt-image-2 deployments,
         * {@code content_policy_violation} on the 1.x models and dall-e-3.
         */
        MODEL_DEFAULT,
        /** 400 {@code content_policy_violation} with inner {@code ResponsibleAIPolicyViolation}, whatever the model. */
        CONTENT_POLICY_VIOLATION,
        /**
         * 400 {@code {"error":{"code":"moderation_blocked","type":"image_generation_user_error",...}}}, whatever the
         * model.
         */
        MODERATION_BLOCKED,
        /** 400 {@code {"error":{"code":"contentFilter","message":"Your task failed as a result of our safety system."}}}. */
        CONTENT_FILTER
    }

    /**
     * A change of runtime settings for {@link #configure(Config)}; null fields stay as they are.
     *
     * @param requestsPerMinute per deployment name (0 = unlimited); deployments not named keep their limit
     * @param blockedTerms      the image content filter's terms (case-insensitive substrings of a prompt)
     * @param chatBlockedTerms  the chat content filter's terms: a user message containing one is answered 400
     *                          {@code content_filter}
     * @param chatRefusalTerms  a user message containing one gets a 200 whose message has a {@code refusal} and no
     *                          content, as a model that declines answers
     */
    public record Config(Duration latency, Duration jitter, Map<String, Integer> requestsPerMinute,
                         List<String> blockedTerms, PolicyErrorStyle policyErrorStyle, List<String> chatBlockedTerms,
                         List<String> chatRefusalTerms) {

        /** A change that changes nothing, to start from. */
        public static Config change() {
            return new Config(null, null, null, null, null, null, null);
        }

        public Config withChatBlockedTerms(List<String> terms) {
            return new Config(latency, jitter, requestsPerMinute, blockedTerms, policyErrorStyle, terms, chatRefusalTerms);
        }

        public Config withChatRefusalTerms(List<String> terms) {
            return new Config(latency, jitter, requestsPerMinute, blockedTerms, policyErrorStyle, chatBlockedTerms, terms);
        }

        public Config withLatency(Duration newLatency) {
            return new Config(newLatency, jitter, requestsPerMinute, blockedTerms, policyErrorStyle, chatBlockedTerms,
                    chatRefusalTerms);
        }

        public Config withJitter(Duration newJitter) {
            return new Config(latency, newJitter, requestsPerMinute, blockedTerms, policyErrorStyle, chatBlockedTerms,
                    chatRefusalTerms);
        }

        public Config withRequestsPerMinute(String deployment, int rpm) {
            Map<String, Integer> map = new LinkedHashMap<>(requestsPerMinute == null ? Map.of() : requestsPerMinute);
            map.put(deployment, rpm);
            return new Config(latency, jitter, map, blockedTerms, policyErrorStyle, chatBlockedTerms, chatRefusalTerms);
        }

        public Config withBlockedTerms(List<String> terms) {
            return new Config(latency, jitter, requestsPerMinute, terms, policyErrorStyle, chatBlockedTerms,
                    chatRefusalTerms);
        }

        public Config withPolicyErrorStyle(PolicyErrorStyle style) {
            return new Config(latency, jitter, requestsPerMinute, blockedTerms, style, chatBlockedTerms,
                    chatRefusalTerms);
        }
    }

    /** The settings in force; replaced as a whole so a request sees one consistent set. */
    record Settings(Duration latency, Duration jitter, List<String> blockedTermsLowerCase, PolicyErrorStyle policyErrorStyle,
                    List<String> chatBlockedTermsLowerCase, List<String> chatRefusalTermsLowerCase) {
    }

    private final Options options;
    /** Copy-on-write: handler threads read it while a benchmark adds pool members. */
    private volatile Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final ImageApiFaults faults = new ImageApiFaults();
    private final ImageApiStats stats = new ImageApiStats();
    private final VisionRules visionRules = new VisionRules();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final JsonHttpServer server;
    private volatile Settings settings;
    private volatile boolean renderOncePerShape;

    private ImageApiEmulator(Options options) {
        this.options = options;
        for (Deployment deployment : options.deployments()) {
            deployments.put(deployment.name(), deployment);
            rateLimiter.setLimit(deployment.name(), deployment.requestsPerMinute());
        }
        settings = new Settings(options.latency(), options.jitter(), lowerCase(options.blockedTerms()),
                PolicyErrorStyle.MODEL_DEFAULT, List.of(), List.of());
        server = new JsonHttpServer("image-api-emulator", options.bind(), options.port(), options.threads());
        ImagesHandler images = new ImagesHandler(this, new ImageRenderer());
        ChatCompletionsHandler chat = new ChatCompletionsHandler(this);
        // one Azure OpenAI resource serves images and chat: one server, one key, one set of deployments
        server.route("/openai/", exchange -> {
            if (ChatCompletionsHandler.handles(exchange.getRequestURI().getPath())) {
                chat.handle(exchange);
            } else {
                images.handle(exchange);
            }
        });
        server.routeLoopbackOnly("/admin/", new ImageApiAdminHandler(this), ImageApiAdminHandler::refuse);
    }

    public static ImageApiEmulator start(Options options) {
        ImageApiEmulator emulator = new ImageApiEmulator(Objects.requireNonNull(options, "options"));
        ImageRenderer.warmUpInBackground();
        emulator.server.start();
        return emulator;
    }

    /** {@code http://127.0.0.1:<port>}: what a client takes as the Azure OpenAI endpoint. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public Options options() {
        return options;
    }

    public ImageApiFaults faults() {
        return faults;
    }

    public ImageApiStats stats() {
        return stats;
    }

    /** What the vision emulator's quality verdicts fail (see {@link VisionRules}). */
    public VisionRules visionRules() {
        return visionRules;
    }

    /** Changes latency, jitter, rate limits, blocked terms (image and chat) or the policy error body while running. */
    public void configure(Config change) {
        if (change.requestsPerMinute() != null) {
            change.requestsPerMinute().forEach((name, rpm) -> {
                if (!deployments.containsKey(name)) {
                    throw new IllegalArgumentException("unknown deployment: " + name);
                }
                if (rpm == null || rpm < 0) {
                    throw new IllegalArgumentException("requestsPerMinute must be >= 0 for " + name);
                }
            });
            change.requestsPerMinute().forEach(rateLimiter::setLimit);
        }
        synchronized (this) {
            Settings current = settings;
            settings = new Settings(
                    change.latency() != null ? change.latency() : current.latency(),
                    change.jitter() != null ? change.jitter() : current.jitter(),
                    change.blockedTerms() != null ? lowerCase(change.blockedTerms()) : current.blockedTermsLowerCase(),
                    change.policyErrorStyle() != null ? change.policyErrorStyle() : current.policyErrorStyle(),
                    change.chatBlockedTerms() != null ? lowerCase(change.chatBlockedTerms())
                            : current.chatBlockedTermsLowerCase(),
                    change.chatRefusalTerms() != null ? lowerCase(change.chatRefusalTerms())
                            : current.chatRefusalTermsLowerCase());
        }
    }

    /**
     * Adds a deployment (or replaces the one with the same name) while running, e.g. the members of a pool; its rate
     * limit starts with a full bucket.
     */
    public synchronized void addDeployment(Deployment deployment) {
        Map<String, Deployment> copy = new LinkedHashMap<>(deployments);
        copy.put(deployment.name(), deployment);
        rateLimiter.setLimit(deployment.name(), deployment.requestsPerMinute());
        deployments = copy;
    }

    /**
     * When on, every image of one shape (size, format, background, compression, deployment) is drawn once and served
     * again to later requests: the emulator's own CPU (about 20 ms per 1024x1024 PNG) then no longer competes with the
     * pipeline it serves, which is what a throughput benchmark on a shared 2-core machine needs. Off by default, so a
     * person looking at a local run's images sees each product's name.
     */
    public void renderOncePerShape(boolean on) {
        renderOncePerShape = on;
    }

    boolean rendersOncePerShape() {
        return renderOncePerShape;
    }

    /** The settings in force, as a {@link Config} with every field set. */
    public Config config() {
        Settings current = settings;
        Map<String, Integer> rpm = new LinkedHashMap<>();
        deployments.keySet().forEach(name -> rpm.put(name, rateLimiter.limit(name)));
        return new Config(current.latency(), current.jitter(), rpm, current.blockedTermsLowerCase(),
                current.policyErrorStyle(), current.chatBlockedTermsLowerCase(), current.chatRefusalTermsLowerCase());
    }

    @Override
    public void close() {
        closing.countDown(); // releases requests held by a timeout fault before the server waits for them
        server.close();
    }

    // --- for the handlers ---

    Settings settings() {
        return settings;
    }

    /**
     * With a key set, header {@code api-key: <key>} or {@code Authorization: Bearer <key>} (the bearer form stands in
     * for an Entra ID token); without one, anything.
     */
    boolean authorized(com.sun.net.httpserver.HttpExchange exchange) {
        String key = options.apiKey();
        if (key == null) {
            return true;
        }
        if (key.equals(exchange.getRequestHeaders().getFirst("api-key"))) {
            return true;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && key.equals(authorization.substring(7).trim());
    }

    Deployment deployment(String name) {
        return name == null ? null : deployments.get(name);
    }

    Map<String, Deployment> deployments() {
        return deployments;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Sleeps up to {@code duration}; returns early (true) when the emulator closes. */
    boolean awaitClose(Duration duration) throws InterruptedException {
        return closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static List<String> lowerCase(List<String> terms) {
        return terms.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }
}
