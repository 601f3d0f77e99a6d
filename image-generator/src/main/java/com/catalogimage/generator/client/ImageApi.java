package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.service.PromptBuilder;
import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The Azure OpenAI image-generation call. Blocks the calling thread (openai-java is synchronous): call it from a worker
 * thread, never from the event loop.
 */
@ApplicationScoped
public class ImageApi {

    /** Lets Azure's logs and the emulator's counters tie a call to the pipeline's request. */
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

    private final OpenAIClient client;
    private final GeneratorConfig config;
    private final MeterRegistry metrics;

    public ImageApi(OpenAIClient client, GeneratorConfig config, MeterRegistry metrics) {
        this.client = client;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * One image for one prompt. Throttling and transient failures are retried a few times with a short backoff; every
     * other failure surfaces at once, classified, and content-policy refusals in particular are never repeated.
     * {@code attempts} counts the calls made, for the dead-letter headers.
     *
     * <p>The {@code @Timeout} is an outer bound in case the SDK's own {@code generator.timeout} does not fire.
     */
    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 1000,
            retryOn = ImageApiException.Retryable.class)
    @Timeout(value = 180, unit = ChronoUnit.SECONDS)
    public ImagesResponse generate(String prompt, String requestId, AtomicInteger attempts) {
        attempts.incrementAndGet();
        try {
            return client.images().generate(params(prompt, requestId));
        } catch (OpenAIException e) {
            ImageApiException failure = ImageApiException.of(e);
            metrics.counter("generator.api.failures", "class", failure.failureClass().name()).increment();
            throw failure;
        }
    }

    private ImageGenerateParams params(String prompt, String requestId) {
        ImageGenerateParams.Builder params = ImageGenerateParams.builder()
                .model(config.deployment())
                .prompt(prompt)
                .n(1)
                .size(ImageGenerateParams.Size.of(config.size()))
                .quality(ImageGenerateParams.Quality.of(config.quality()))
                .putAdditionalHeader(CLIENT_REQUEST_ID, requestId);
        if (PromptBuilder.isDallE(config.model())) {
            // dall-e answers with a short-lived URL unless asked for bytes; it knows no output_format
            params.responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
        } else {
            params.outputFormat(ImageGenerateParams.OutputFormat.of(config.outputFormat()));
            config.outputCompression().ifPresent(compression -> params.outputCompression(compression.longValue()));
            config.background().ifPresent(background -> params.background(ImageGenerateParams.Background.of(background)));
        }
        return params.build();
    }
}
