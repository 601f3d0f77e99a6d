package com.catalogimage.generator.rest;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.generator.client.DeploymentPool;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.messaging.ImagePublisher;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.generator.service.GenerationService;
import com.catalogimage.generator.service.GenerationService.Failed;
import com.catalogimage.generator.service.GenerationService.Generated;
import com.catalogimage.messaging.order.KeyLocks;
import com.catalogimage.messaging.pause.ConsumptionPause;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code POST /previews}: one image from a free prompt, or from a template filled with a product, for the console's
 * playground (issue 13's contract). It goes the way a request's image goes (GenerationService: the deployment pool and
 * its quota, the daily budget, the price, the ledger under request id {@code preview-<key>}, the quality check) but
 * writes no Kafka record other than the ledger's and no status: a preview never reaches the catalog.
 */
@Path("/previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private static final Logger LOG = Logger.getLogger(PreviewResource.class);
    /** Previews answered recently, by idempotency key: the same key again gets the same image, paid for once. */
    static final int REMEMBERED = 16;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    /** The request body: {@code prompt}, or {@code template} and {@code product}. */
    public record PreviewRequest(String prompt, String template, Product product, String idempotencyKey) {
    }

    /** The answer: the image inline (previews are small and few), what it cost, and its verdict. */
    public record Preview(String contentType, String imageBase64, String model, String deployment, String size,
            String quality, BigDecimal costUsd, String prompt, QualityVerdict verdict) {
    }

    /** A refusal: why, in the pipeline's terms. */
    public record Problem(String reason, String detail) {
    }

    private final GenerationService generator;
    private final GeneratorConfig config;
    private final Budget budget;
    private final ConsumptionPause pause;
    private final DeploymentPool pool;
    private final ImagePublisher publisher;
    private final KeyLocks keys = new KeyLocks();
    private final Map<String, Preview> recent = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Preview> eldest) {
            return size() > REMEMBERED;
        }
    };

    public PreviewResource(GenerationService generator, GeneratorConfig config, Budget budget, ConsumptionPause pause,
            DeploymentPool pool, ImagePublisher publisher) {
        this.generator = generator;
        this.config = config;
        this.budget = budget;
        this.pause = pause;
        this.pool = pool;
        this.publisher = publisher;
    }

    /** A generator reachable by anyone who can reach its port, paying for images on request, is not started. */
    void refuseWithoutKey(@Observes StartupEvent start) {
        if (config.preview().enabled() && key().isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("POST /previews needs GENERATOR_API_KEY (or set GENERATOR_PREVIEWS=false)");
        }
    }

    @POST
    @Blocking
    public Response preview(@HeaderParam("X-API-Key") String apiKey, PreviewRequest body) throws InterruptedException {
        if (!config.preview().enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (!authorised(apiKey)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        String invalid = invalid(body);
        if (invalid != null) {
            return problem(Response.Status.BAD_REQUEST, "INVALID_REQUEST", invalid);
        }
        String key = body.idempotencyKey() == null || body.idempotencyKey().isBlank() ? null : body.idempotencyKey();
        if (key == null) {
            return answer(body, UUID.randomUUID().toString());
        }
        try (KeyLocks.Held held = keys.lock(key.hashCode())) {
            synchronized (recent) {
                Preview earlier = recent.get(key);
                if (earlier != null) {
                    return Response.ok(earlier).build();
                }
            }
            return answer(body, key);
        }
    }

    private Response answer(PreviewRequest body, String key) throws InterruptedException {
        if (pause.reason().isPresent() && budget.reached().isEmpty()) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, "HALTED", pause.reason().get().detail());
        }
        Duration maxWait = config.preview().maxWait();
        if (budget.reached().isPresent() || pool.nanosUntilPermit() > maxWait.toNanos()) {
            return busy(budget.reached().orElse("the deployments' quota is taken for longer than " + maxWait));
        }
        ImageRequest request = new ImageRequest("preview-" + key, product(body), 1, OperatorText.prompt(body.prompt()),
                ImageRequest.Origin.MANUAL, Instant.now(), OperatorText.prompt(body.template()));
        GenerationService.Outcome outcome = generator.preview(request, maxWait, this::writeLedger);
        if (outcome instanceof Generated generated) {
            var image = generated.image();
            Preview preview = new Preview(image.contentType(), Base64.getEncoder().encodeToString(image.image()),
                    image.model(), image.deployment(), image.size(), image.quality(), generated.costUsd(),
                    image.prompt(), image.verdict());
            synchronized (recent) {
                recent.put(key, preview);
            }
            return Response.ok(preview).build();
        }
        if (outcome instanceof Failed failed) {
            return switch (failed.failureClass()) {
                case POLICY -> problem(422, "CONTENT_POLICY", failed.detail());
                case INVALID_REQUEST -> problem(Response.Status.BAD_REQUEST, "INVALID_REQUEST", failed.detail());
                case THROTTLED -> busy(failed.detail());
                case INVALID_IMAGE -> problem(Response.Status.BAD_GATEWAY, "INVALID_IMAGE", failed.detail());
                default -> problem(Response.Status.SERVICE_UNAVAILABLE, failed.failureClass().name(), failed.detail());
            };
        }
        // null: the budget did not admit it within max-wait; NotStarted: shutting down
        return outcome == null ? busy(budget.reached().orElse("the daily budget did not admit it in " + maxWait))
                : problem(Response.Status.SERVICE_UNAVAILABLE, "SHUTTING_DOWN", "the generator is stopping");
    }

    /** Why the body cannot be served, or null. */
    static String invalid(PreviewRequest body) {
        if (body == null) {
            return "no body";
        }
        boolean prompt = body.prompt() != null && !body.prompt().isBlank();
        boolean template = body.template() != null && !body.template().isBlank();
        if (!prompt && !template) {
            return "a prompt, or a template and a product, is required";
        }
        String text = prompt ? body.prompt() : body.template();
        if (text.length() > OperatorText.MAX_PROMPT) {
            return "the %s is longer than %d characters".formatted(prompt ? "prompt" : "template", OperatorText.MAX_PROMPT);
        }
        if (!prompt && (body.product() == null || body.product().name() == null)) {
            return "a template needs a product to fill it";
        }
        if (body.idempotencyKey() != null && !body.idempotencyKey().isBlank()
                && !KEY.matcher(body.idempotencyKey()).matches()) {
            return "the idempotency key must be 1-100 letters, digits or ._:-";
        }
        return null;
    }

    /** What the judge compares the image with: the product, or for a free prompt the prompt itself. */
    private static Product product(PreviewRequest body) {
        if (body.product() != null && body.product().name() != null) {
            return body.product();
        }
        String prompt = body.prompt().strip();
        return new Product(0, "Preview", prompt.length() <= 1000 ? prompt : prompt.substring(0, 1000), null, null,
                null);
    }

    private boolean authorised(String apiKey) {
        return key().map(expected -> apiKey != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    private Optional<String> key() {
        return config.preview().apiKey().filter(key -> !key.isBlank());
    }

    private void writeLedger(PaidGeneration paid) {
        try {
            publisher.paid(paid).await().atMost(LEDGER_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("Preview %s: the ledger entry could not be written: %s", paid.requestId(), e.toString());
        }
    }

    private static Response busy(String why) {
        return Response.status(429).header("Retry-After", "60").entity(new Problem("BUSY", why)).build();
    }

    private static Response problem(Response.Status status, String reason, String detail) {
        return problem(status.getStatusCode(), reason, detail);
    }

    private static Response problem(int status, String reason, String detail) {
        return Response.status(status).entity(new Problem(reason, detail)).build();
    }
}
