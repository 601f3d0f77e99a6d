package com.catalogimage.console.support;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.core.util.BinaryData;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the tests' console reads, written as the stages write it: images with their thumbnails and metadata (issue 12's
 * contract) in Azurite, and statuses (with a {@code traceparent} header) on the status topic of the embedded broker.
 */
public final class Seed {

    public static final String PUBLIC = "products";
    public static final String REVIEW = "products-review";
    public static final String PREVIEW = "products-preview";

    private Seed() {
    }

    public static BlobServiceClient storage() {
        return new BlobServiceClientBuilder().connectionString(AzuriteTestResource.azurite().connectionString())
                .buildClient();
    }

    /** Stores an image and its thumbnail as the uploader does; returns the image's blob name. */
    public static String image(String container, long productId, String name, String category, String prompt,
            String requestId, Instant generatedAt) {
        return image(container, productId, name, category, prompt, requestId, generatedAt, Map.of());
    }

    /** The same with more metadata (issue 13's: {@code alttext}, the check's outcome and reasons), given as stored. */
    public static String image(String container, long productId, String name, String category, String prompt,
            String requestId, Instant generatedAt, Map<String, String> more) {
        BlobContainerClient blobs = storage().getBlobContainerClient(container);
        blobs.createIfNotExists();
        String base = "images/" + productId + "-" + slug(name) + "-0123456789ab";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("productid", String.valueOf(productId));
        metadata.put("requestid", requestId);
        metadata.put("attempt", "1");
        metadata.put("model", "gpt-image-1-mini");
        metadata.put("productname", URLEncoder.encode(name, StandardCharsets.UTF_8));
        metadata.put("category", URLEncoder.encode(category, StandardCharsets.UTF_8));
        metadata.put("prompt", URLEncoder.encode(prompt, StandardCharsets.UTF_8));
        metadata.put("size", "1024x1024");
        metadata.put("quality", "low");
        metadata.put("costusd", "0.011");
        metadata.put("generatedat", generatedAt.toString());
        metadata.put("thumbnail", base + ".thumb.jpg");
        metadata.putAll(more);
        upload(blobs, base + ".png", "image/png", metadata);
        upload(blobs, base + ".thumb.jpg", "image/jpeg", Map.of("productid", String.valueOf(productId),
                "thumbnailof", base + ".png"));
        return base + ".png";
    }

    /**
     * Stores the call's other images beside {@code blobName} as the uploader does ({@code -v2}, {@code -v3}, … before the
     * extension); returns them as {@code StoredImage.variants} describes them.
     */
    public static java.util.List<com.catalogimage.contracts.StoredImage.Variant> variants(String container,
            String blobName, int count) {
        BlobContainerClient blobs = storage().getBlobContainerClient(container);
        blobs.createIfNotExists();
        java.util.List<com.catalogimage.contracts.StoredImage.Variant> variants = new java.util.ArrayList<>();
        int dot = blobName.lastIndexOf('.');
        for (int index = 1; index <= count; index++) {
            String name = blobName.substring(0, dot) + "-v" + (index + 1) + blobName.substring(dot);
            upload(blobs, name, "image/png", Map.of());
            variants.add(new com.catalogimage.contracts.StoredImage.Variant(index, name,
                    blobs.getBlobClient(name).getBlobUrl(), 3, "00", 1024, 1024));
        }
        return variants;
    }

    private static void upload(BlobContainerClient blobs, String name, String type, Map<String, String> metadata) {
        blobs.getBlobClient(name).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[] {1, 2, 3}))
                .setHeaders(new BlobHttpHeaders().setContentType(type)).setMetadata(metadata), null, null);
    }

    private static String slug(String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "product" : slug;
    }

    /** Writes one status with the trace it belongs to. */
    public static void status(long productId, String requestId, State state, ReasonCode reason, String detail,
            String stage, BigDecimal cost, String traceId) {
        status(new ProductStatus(productId, requestId, 1, state, reason, detail, stage, Instant.now(), cost), traceId);
    }

    /** Writes one status as given (a verdict on it, say). */
    public static void status(ProductStatus status, String traceId) {
        long productId = status.productId();
        var record = new ProducerRecord<>(Topics.IMAGE_STATUS, String.valueOf(productId),
                new JsonSerializer<ProductStatus>().serialize(Topics.IMAGE_STATUS, status));
        if (traceId != null) {
            record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
        }
        KafkaTestResource.topics().sendRecord(record);
    }
}
