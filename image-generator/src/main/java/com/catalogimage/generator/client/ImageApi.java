package com.catalogimage.generator.client;

import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import com.catalogimage.contracts.ImageModels.Parameter;
import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.core.JsonValue;
import com.openai.core.MultipartField;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenerateParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The Azure OpenAI image calls over the deployment pool: {@code /images/generations}, and {@code /images/edits} when a
 * request comes with a reference photo (or is a restyle of the current image). Both take the same permits, 429
 * handling, retries and failure classes ({@link ThrottledImageCall}). Blocks the calling thread (openai-java is
 * synchronous, and permits are waited for): call it from a worker thread, never from the event loop. Each HTTP call is
 * bounded by the SDK's timeout ({@code generator.timeout}).
 */
@ApplicationScoped
public class ImageApi {

    /** Lets Azure's logs and the emulator's counters tie a call to the pipeline's request. */
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

    private final ThrottledImageCall call;
    private final GeneratorConfig config;
    private final Optional<ImageModelProfile> profile;

    public ImageApi(ThrottledImageCall call, GeneratorConfig config, ImageModels models) {
        this.call = call;
        this.config = config;
        this.profile = models.profile(config.model());
    }

    /**
     * {@code images} images for one prompt, from {@code photo} when there is one ({@code /images/edits}), else from the
     * prompt alone. Transient failures are retried a few times with a short backoff (a pool sends the next try to
     * another member); 429s are waited out below, without counting; every other failure surfaces at once,
     * classified, and content-policy refusals in particular are never repeated. {@code attempts} counts the calls
     * that got an answer other than 429, for the dead-letter headers.
     */
    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 1000,
            retryOn = ImageApiException.Retryable.class)
    public ThrottledImageCall.Answer generate(String prompt, String requestId, int images, ReferencePhotos.Photo photo,
            AtomicInteger attempts) {
        if (photo == null) {
            ImageGenerateParams.Builder params = generation(prompt, requestId, images);
            return call.call((client, deployment) -> client.images().generate(params.model(deployment).build()),
                    attempts);
        }
        return call.call((client, deployment) -> client.images().edit(edit(prompt, requestId, images, photo)
                .model(deployment).build()), attempts);
    }

    private ImageGenerateParams.Builder generation(String prompt, String requestId, int images) {
        ImageGenerateParams.Builder params = ImageGenerateParams.builder()
                .prompt(prompt)
                .n(images)
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
            moderation().ifPresent(moderation -> params.moderation(ImageGenerateParams.Moderation.of(moderation)));
        }
        return params;
    }

    /**
     * An edit of the photo: the same settings as a generation, the photo as a multipart file with its name and type,
     * {@code input_fidelity=high} where the model takes it (gpt-image-2 has no such parameter: its edits are always
     * high fidelity). A fresh stream for every try.
     */
    private ImageEditParams.Builder edit(String prompt, String requestId, int images, ReferencePhotos.Photo photo) {
        ImageEditParams.Builder params = ImageEditParams.builder()
                .image(MultipartField.<ImageEditParams.Image>builder()
                        .value(ImageEditParams.Image.ofInputStream(new ByteArrayInputStream(photo.bytes())))
                        .filename(photo.filename())
                        .contentType(photo.contentType())
                        .build())
                .prompt(prompt)
                .n(images)
                .size(ImageEditParams.Size.of(config.size()))
                .quality(ImageEditParams.Quality.of(config.quality()))
                .outputFormat(ImageEditParams.OutputFormat.of(config.outputFormat()))
                .putAdditionalHeader(CLIENT_REQUEST_ID, requestId);
        config.outputCompression().ifPresent(compression -> params.outputCompression(compression.longValue()));
        config.background().ifPresent(background -> params.background(ImageEditParams.Background.of(background)));
        if (profile.map(p -> p.takes(Parameter.INPUT_FIDELITY)).orElse(false)) {
            params.inputFidelity(ImageEditParams.InputFidelity.HIGH);
        }
        // openai-java's edit parameters have no moderation field (the generation's have): sent as an extra form field
        moderation().ifPresent(moderation -> params.putAdditionalBodyProperty("moderation", JsonValue.from(moderation)));
        return params;
    }

    private Optional<String> moderation() {
        return config.moderation().map(String::strip).filter(m -> !m.isEmpty())
                .filter(m -> profile.map(p -> p.takes(Parameter.MODERATION)).orElse(false));
    }
}
