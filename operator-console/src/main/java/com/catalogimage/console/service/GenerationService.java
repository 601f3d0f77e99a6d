package com.catalogimage.console.service;

import com.catalogimage.console.client.GeneratorAnswers;
import com.catalogimage.console.client.GeneratorClient;
import com.catalogimage.console.client.Preview;
import com.catalogimage.console.client.RequestAgain;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * On-demand generations ({@code POST /generations}, the playground's previews): a product id makes a MANUAL request
 * through the scanner (quota, budget and review gate apply: it is a request like any other); a free prompt, a
 * template without a product, or {@code preview: true} makes a preview through the generator, stored privately by
 * {@link PreviewStore}, never touching the catalog or a product's status. Idempotent per user and
 * {@code Idempotency-Key} ({@link IdempotentAnswers}); the scanner's key and the preview's id are derived from both, so
 * the same key finds the same request or blob after a restart too. Each new generation takes a token from the user's
 * bucket ({@link RateLimits}); a repeated key takes none.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    /** What a client asked for. */
    public record Ask(Long productId, String prompt, String template, boolean preview) {
    }

    /** What was made. */
    public interface Made {
    }

    /** A MANUAL request on its way through the pipeline. */
    public record Requested(long productId, String requestId, int attempt) implements Made {
    }

    /** A preview in the private container. */
    public record Previewed(PreviewStore.Stored preview) implements Made {
    }

    /** Not made: the HTTP status to answer and a message for a person; {@code retryAfter} for 429. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final Duration retryAfter;

        public Refused(int status, String message, Duration retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final ScannerClient scanner;
    private final GeneratorClient generator;
    private final PreviewStore previews;
    private final RateLimits limits;
    private final boolean generatorKey;
    private final IdempotentAnswers<Made> answers;

    @Inject
    public GenerationService(@RestClient ScannerClient scanner, @RestClient GeneratorClient generator,
            PreviewStore previews, RateLimits limits, ConsoleConfig config) {
        this.scanner = scanner;
        this.generator = generator;
        this.previews = previews;
        this.limits = limits;
        this.generatorKey = config.generations().generatorApiKey().filter(key -> !key.isBlank()).isPresent();
        this.answers = new IdempotentAnswers<>(config.generations().idempotencyWindow(),
                config.generations().idempotencyKeys(), System::nanoTime);
    }

    /** Whether a request's text is within {@link OperatorText#MAX_PROMPT} (checked before it is cleaned and bounded). */
    public static boolean withinBounds(String text) {
        return text == null || text.strip().length() <= OperatorText.MAX_PROMPT;
    }

    /** Whether it is a preview: asked for, or nothing else it could be (no product). */
    public static boolean isPreview(Ask ask) {
        return ask.preview() || ask.productId() == null;
    }

    /**
     * Makes what was asked, once per user and key.
     *
     * @throws Refused with the status to answer
     */
    public Made generate(String user, String idempotencyKey, Ask ask) {
        String prompt = OperatorText.prompt(ask.prompt());
        String template = prompt == null ? OperatorText.prompt(ask.template()) : null;
        if (isPreview(ask) && prompt == null && (template == null || ask.productId() == null)) {
            throw new Refused(400, ask.productId() == null ? "a preview needs a prompt, or a template and a productId"
                    : "a preview of a product needs a prompt or a template", null);
        }
        String scoped = digest(user + "\n" + idempotencyKey);
        return answers.answer(user + "\n" + idempotencyKey, () -> isPreview(ask)
                ? preview(user, "p" + scoped, ask.productId(), prompt, template)
                : request(user, scoped, ask.productId(), prompt, template));
    }

    private Made request(String user, String scannerKey, long productId, String prompt, String template) {
        take(user);
        try {
            RequestAgain.Requested requested = scanner.generate(productId, scannerKey, new RequestAgain.Body(prompt, template));
            LOG.infof("Product %d: on-demand generation by %s, request %s", productId, user, requested.requestId());
            return new Requested(requested.productId(), requested.requestId(), requested.attempt());
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            throw new Refused(status(e), "not requested: " + ScannerAnswers.message(e), null);
        }
    }

    private Made preview(String user, String previewId, Long productId, String prompt, String template) {
        var earlier = previews.find(previewId);
        if (earlier.isPresent()) {
            return new Previewed(earlier.get());
        }
        if (!generatorKey) {
            throw new Refused(503, "previews are off: the console has no generator key (CONSOLE_GENERATOR_API_KEY)", null);
        }
        take(user);
        Product product = null;
        if (productId != null) {
            try {
                product = scanner.product(productId).product();
            } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
                throw new Refused(status(e), "no preview: product " + productId + ": " + ScannerAnswers.message(e), null);
            }
        }
        Preview.Answer answer;
        try {
            answer = generator.preview(new Preview.Request(prompt, template, product, previewId));
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            int status = GeneratorAnswers.status(e);
            throw new Refused(status == 401 || status == 403 ? 502 : status, "no preview: " + GeneratorAnswers.message(e),
                    null);
        }
        if (answer == null || answer.imageBase64() == null || answer.imageBase64().isBlank()) {
            throw new Refused(502, "no preview: the generator answered without an image", null);
        }
        try {
            PreviewStore.Stored stored = previews.store(previewId, productId, answer, user);
            LOG.infof("Preview %s by %s%s: %s, %s USD", previewId, user, productId == null ? "" : " of product " + productId,
                    answer.model(), answer.costUsd());
            return new Previewed(stored);
        } catch (PreviewStore.PublicContainerException e) {
            throw new Refused(503, e.getMessage(), null);
        }
    }

    private void take(String user) {
        Duration wait = limits.take(user);
        if (!wait.isZero()) {
            throw new Refused(429, "too many generations: try again in " + Math.max(1, (wait.toMillis() + 999) / 1000)
                    + " s", wait);
        }
    }

    /** The scanner's or another service's 4xx as it is (the caller's mistake or a refusal), anything else 502. */
    private static int status(RuntimeException e) {
        if (e instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            return status == 400 || status == 404 || status == 409 || status == 422 || status == 429 || status == 503
                    ? status : 502;
        }
        return 502;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
