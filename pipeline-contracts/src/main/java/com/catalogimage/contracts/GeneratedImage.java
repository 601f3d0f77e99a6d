package com.catalogimage.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An image the model returned, travelling inline to the uploader (see docs/decisions for why not a claim check).
 *
 * @param request       the request it answers
 * @param image         the encoded image bytes as the model returned them
 * @param contentType   what the generator asked for ({@code image/png} or {@code image/jpeg}); the uploader verifies it
 * @param model         the model family, for example {@code gpt-image-1-mini}
 * @param deployment    the Azure deployment that served the call
 * @param size          for example {@code 1024x1024}
 * @param quality       for example {@code low}
 * @param usage         token usage reported by gpt-image models, {@code null} when the model reports none
 * @param costUsd       the list-price cost of this image
 * @param revisedPrompt the prompt the model says it used, when it says
 * @param generatedAt   when the model answered
 * @param prompt        the prompt as sent to the model (bounded by the generator); {@code null} from producers older than
 *                      the operator console
 * @param verdict       the quality check's verdict and the alt text ({@link QualityVerdict}); {@code null} from producers
 *                      older than the check
 * @param variants      the other images of the same call when {@code IMAGE_VARIANTS} is 2-4, in the model's order
 *                      (the first is {@code image}); empty or {@code null} with one image. Same content type; the verdict
 *                      is the first image's. The cost counts all of them. Added with issue 14
 */
public record GeneratedImage(
        ImageRequest request,
        byte[] image,
        String contentType,
        String model,
        String deployment,
        String size,
        String quality,
        Usage usage,
        BigDecimal costUsd,
        String revisedPrompt,
        Instant generatedAt,
        String prompt,
        QualityVerdict verdict,
        List<byte[]> variants) {

    /** An image without variants (one image per call, and producers older than variants). */
    public GeneratedImage(ImageRequest request, byte[] image, String contentType, String model, String deployment,
            String size, String quality, Usage usage, BigDecimal costUsd, String revisedPrompt, Instant generatedAt,
            String prompt, QualityVerdict verdict) {
        this(request, image, contentType, model, deployment, size, quality, usage, costUsd, revisedPrompt, generatedAt,
                prompt, verdict, List.of());
    }

    /** How many images this call made (1 + variants). */
    public int imageCount() {
        return 1 + (variants == null ? 0 : variants.size());
    }

    /** An image without a quality verdict (producers and tests older than the quality check). */
    public GeneratedImage(ImageRequest request, byte[] image, String contentType, String model, String deployment,
            String size, String quality, Usage usage, BigDecimal costUsd, String revisedPrompt, Instant generatedAt,
            String prompt) {
        this(request, image, contentType, model, deployment, size, quality, usage, costUsd, revisedPrompt, generatedAt,
                prompt, null, List.of());
    }

    /** An image without the prompt it was made from (producers and tests older than the console). */
    public GeneratedImage(ImageRequest request, byte[] image, String contentType, String model, String deployment,
            String size, String quality, Usage usage, BigDecimal costUsd, String revisedPrompt, Instant generatedAt) {
        this(request, image, contentType, model, deployment, size, quality, usage, costUsd, revisedPrompt, generatedAt,
                null, null, List.of());
    }

    /** Token usage as reported in the image API's {@code usage} object. */
    public record Usage(long inputTokens, long outputTokens, long totalTokens) {
    }
}
