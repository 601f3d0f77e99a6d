package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.models.images.ImageGenerateParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The Azure OpenAI image-generation call over the deployment pool. Blocks the calling thread (openai-java is
 * synchronous, and permits are waited for): call it from a worker thread, never from the event loop. Each HTTP call is
 * bounded by the SDK's timeout ({@code generator.timeout}).
 */
@ApplicationScoped
public class ImageApi {

    /** Lets Azure's logs and the emulator's counters tie a call to the pipeline's request. */
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

    private final ThrottledImageCall call;
    private final GeneratorConfig config;

    public ImageApi(ThrottledImageCall call, GeneratorConfig config) {
        this.call = call;
        this.config = config;
    }

    /**
     * One image for one prompt. Transient failures are retried a few times with a short backoff (a pool sends the next
     * try to another member); 429s are waited out below, without counting; every other failure surfaces at once,
     * classified, and content-policy refusals in particular are never repeated. {@code attempts} counts the calls
     * that got an answer other than 429, for the dead-letter headers.
     */
    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 1000,
            retryOn = ImageApiException.Retryable.class)
    public ThrottledImageCall.Answer generate(String prompt, String requestId, AtomicInteger attempts) {
        return call.generate(params(prompt, requestId), attempts);
    }

    private ImageGenerateParams.Builder params(String prompt, String requestId) {
        ImageGenerateParams.Builder params = ImageGenerateParams.builder()
                .prompt(prompt)
                .n(1)
                .size(ImageGenerateParams.Size.of(config.size()))
                .quality(ImageGenerateParams.Quality.of(config.quality()))
                .putAdditionalHeader(CLIENT_REQUEST_ID, requestId);
        if (config.dallE()) {
            // dall-e answers with a short-lived URL unless asked for bytes; it knows no output_format
            params.responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
        } else {
            params.outputFormat(ImageGenerateParams.OutputFormat.of(config.outputFormat()));
            config.outputCompression().ifPresent(compression -> params.outputCompression(compression.longValue()));
            config.background().ifPresent(background -> params.background(ImageGenerateParams.Background.of(background)));
        }
        return params;
    }
}
