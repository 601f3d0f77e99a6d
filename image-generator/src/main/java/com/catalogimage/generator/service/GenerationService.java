package com.catalogimage.generator.service;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.generator.client.ImageApi;
import com.catalogimage.generator.client.ImageApiException;
import com.catalogimage.generator.client.ThrottledImageCall.Answer;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.messaging.shutdown.InFlightWork;
import com.openai.models.images.Image;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Prompt, model call, image check, price: one request in, one image or one classified failure out. A request waits
 * here, before anything is paid, while the day's budget is spent.
 */
@ApplicationScoped
public class GenerationService {

    /** How often a waiting request looks again whether it may go. */
    private static final Duration WAIT_STEP = Duration.ofMillis(200);

    /** What became of one request. */
    public sealed interface Outcome {
        int attempts();
    }

    /** An image, paid for as {@code paid} (already counted here; the caller writes it to the ledger). */
    public record Generated(GeneratedImage image, PaidGeneration paid, int attempts) implements Outcome {
    }

    /** A classified failure; {@code paid} is the payment when the API answered with something unusable, else null. */
    public record Failed(FailureClass failureClass, String detail, PaidGeneration paid, int attempts) implements Outcome {
    }

    /** Not started because the service is shutting down: nothing paid, the record is left for the next consumer. */
    public record NotStarted(int attempts) implements Outcome {
    }

    private final ImageApi api;
    private final GeneratorConfig config;
    private final GenerationPrice price;
    private final Budget budget;
    private final PaidImages paidImages;
    private final InFlightWork<TopicPartition> work;
    private final MeterRegistry metrics;
    private final PromptBuilder prompts;
    private final String contentType;

    public GenerationService(ImageApi api, GeneratorConfig config, GenerationPrice price, Budget budget,
            PaidImages paidImages, InFlightWork<TopicPartition> work, MeterRegistry metrics) {
        this.api = api;
        this.config = config;
        this.price = price;
        this.budget = budget;
        this.paidImages = paidImages;
        this.work = work;
        this.metrics = metrics;
        this.prompts = new PromptBuilder(config.prompt().template(), config.prompt().maxFieldChars());
        // dall-e always answers PNG
        this.contentType = ImageCheck.contentType(config.dallE() ? "png" : config.outputFormat());
    }

    /**
     * Generates once the budget admits the call. A failure comes back classified; what it means for the record (a
     * pause when the API refuses everything, a retry, a dead letter) is the failure policy's to say. A shutdown ends
     * the wait for the budget: the request has not started and is left for the next consumer.
     */
    public Outcome generate(ImageRequest request) throws InterruptedException {
        while (!budget.tryReserve()) {
            if (work.draining()) {
                return new NotStarted(0);
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
        try {
            return attempt(request);
        } finally {
            budget.release();
        }
    }

    /**
     * The prompt as sent, for reviewers and the blob's metadata. An operator's override is sent as written, so it is
     * bounded here as the builder bounds a filled template: the model family's limit, which the API enforces anyway.
     */
    private String asSent(String prompt) {
        int max = PromptBuilder.maxPromptChars(config.model());
        return prompt.length() <= max ? prompt : prompt.substring(0, max);
    }

    private Outcome attempt(ImageRequest request) {
        String prompt = prompts.prompt(request, config.model());
        AtomicInteger attempts = new AtomicInteger();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "generated";
        String deployment = "none";
        PaidGeneration paid = null;
        try {
            Answer answer = api.generate(prompt, request.requestId(), attempts);
            deployment = answer.member().name();
            // Azure charges for the answer, whatever it holds: counted now, before anything can go wrong with it.
            paid = PaidGeneration.paid(paidImages.paid(request.requestId()).orElse(null), request.requestId(),
                    request.product().id(), config.model(), answer.member().deployment(), price.perImage().orElse(null),
                    Instant.now());
            paidImages.onPaid(paid);
            Image first = answer.response().data().filter(data -> !data.isEmpty()).map(data -> data.get(0))
                    .orElseThrow(() -> ImageApiException.invalidImage("the response holds no image"));
            byte[] bytes = ImageCheck.decode(first.b64Json().orElse(null), contentType, config.maxImageBytes());
            GeneratedImage.Usage usage = answer.response().usage()
                    .map(u -> new GeneratedImage.Usage(u.inputTokens(), u.outputTokens(), u.totalTokens())).orElse(null);
            GeneratedImage image = new GeneratedImage(request, bytes, contentType, config.model(),
                    answer.member().deployment(), config.size(), config.quality(), usage, price.perImage().orElse(null),
                    first.revisedPrompt().orElse(null), paid.at(), asSent(prompt));
            return new Generated(image, paid, attempts.get());
        } catch (ImageApiException e) {
            outcome = e.failureClass().name();
            return new Failed(e.failureClass(), e.getMessage(), paid, Math.max(1, attempts.get()));
        } finally {
            sample.stop(metrics.timer("generator.generation.duration", "deployment", deployment, "outcome", outcome));
        }
    }
}
