package com.catalogimage.generator.service;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.generator.client.ImageApi;
import com.catalogimage.generator.client.ImageApiException;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.service.FailureClassifier.FailureClass;
import com.openai.models.images.Image;
import com.openai.models.images.ImagesResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Prompt, model call, image check, price: one request in, one image or one classified failure out. */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    /** What became of one request. */
    public sealed interface Outcome {
        int attempts();
    }

    public record Generated(GeneratedImage image, int attempts) implements Outcome {
    }

    public record Failed(FailureClass failureClass, String detail, int attempts) implements Outcome {
    }

    private final ImageApi api;
    private final GeneratorConfig config;
    private final PricingConfig pricing;
    private final MeterRegistry metrics;
    private final PromptBuilder prompts;
    private final String contentType;

    public GenerationService(ImageApi api, GeneratorConfig config, PricingConfig pricing, MeterRegistry metrics) {
        this.api = api;
        this.config = config;
        this.pricing = pricing;
        this.metrics = metrics;
        this.prompts = new PromptBuilder(config.prompt().template(), config.prompt().maxFieldChars());
        // dall-e always answers PNG
        this.contentType = ImageCheck.contentType(PromptBuilder.isDallE(config.model()) ? "png" : config.outputFormat());
    }

    public Outcome generate(ImageRequest request) {
        String prompt = prompts.prompt(request, config.model());
        AtomicInteger attempts = new AtomicInteger();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "generated";
        try {
            ImagesResponse response = api.generate(prompt, request.requestId(), attempts);
            Image first = response.data().filter(data -> !data.isEmpty()).map(data -> data.get(0))
                    .orElseThrow(() -> ImageApiException.invalidImage("the response holds no image"));
            byte[] bytes = ImageCheck.decode(first.b64Json().orElse(null), contentType, config.maxImageBytes());
            GeneratedImage.Usage usage = response.usage()
                    .map(u -> new GeneratedImage.Usage(u.inputTokens(), u.outputTokens(), u.totalTokens())).orElse(null);
            GeneratedImage image = new GeneratedImage(request, bytes, contentType, config.model(), config.deployment(),
                    config.size(), config.quality(), usage, cost(), first.revisedPrompt().orElse(null), Instant.now());
            return new Generated(image, attempts.get());
        } catch (ImageApiException e) {
            outcome = e.failureClass().name();
            return new Failed(e.failureClass(), e.getMessage(), Math.max(1, attempts.get()));
        } catch (org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
            outcome = FailureClass.TRANSIENT.name();
            return new Failed(FailureClass.TRANSIENT, "TRANSIENT: no answer within the call's time limit",
                    Math.max(1, attempts.get()));
        } finally {
            sample.stop(metrics.timer("generator.generation.duration", "deployment", config.deployment(), "outcome", outcome));
        }
    }

    /** The list price of one image with these settings; null (and a warning) when the price table lacks the combination. */
    private BigDecimal cost() {
        return pricing.price(config.model(), config.quality(), config.size()).orElseGet(() -> {
            LOG.warnf("No price for %s/%s/%s in pricing.prices: the cost of this image is not recorded",
                    config.model(), config.quality(), config.size());
            return null;
        });
    }
}
