package com.catalogimage.console.service;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.client.Preview;
import com.catalogimage.contracts.QualityVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Previews in their private container ({@code console.generations.preview-container}, default {@code products-preview}):
 * one blob per preview, named by its id, with what made it in the metadata (percent-encoded UTF-8, as the uploader's):
 * prompt as sent, model, cost, the quality verdict, author, product. Never in the public container, never in the
 * catalog, never a status. The container is created private when missing; one that allows anonymous reads is refused
 * on every store (someone made it so: the console does not change it, it stores nothing there), as the uploader refuses
 * a public review container. Pages show a preview through {@link ImageLinks}' read-only SAS like every other image.
 */
@ApplicationScoped
public class PreviewStore {

    /** Preview ids are derived from the user and the idempotency key: {@code p} and 32 hex digits. */
    static final Pattern ID = Pattern.compile("p[0-9a-f]{32}");
    /** Percent-encoded metadata values are bounded so that all of a blob's metadata stays far below Azure's 8 KiB. */
    static final int MAX_ENCODED = 3_000;

    /** A stored preview. */
    public record Stored(String previewId, String blobName, Long productId, String prompt, String model,
            BigDecimal costUsd, String verdict, String verdictSummary, String author, Instant at) {
    }

    private final BlobStorage storage;

    public PreviewStore(BlobStorage storage) {
        this.storage = storage;
    }

    public BlobContainerClient container() {
        return storage.previewContainer();
    }

    /** The preview of this id, if it was stored (also by an earlier process). */
    public Optional<Stored> find(String previewId) {
        if (!ID.matcher(previewId).matches()) {
            return Optional.empty();
        }
        for (String extension : new String[] {".png", ".jpg", ".webp"}) {
            String name = "previews/" + previewId + extension;
            try {
                BlobProperties properties = container().getBlobClient(name).getProperties();
                return Optional.of(read(previewId, name, properties.getMetadata()));
            } catch (BlobStorageException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** Stores the generator's image under the preview's id; refuses a container that allows anonymous reads. */
    public Stored store(String previewId, Long productId, Preview.Answer answer, String author) {
        BlobContainerClient container = container();
        ensurePrivate(container);
        String contentType = answer.contentType() == null ? "image/png" : answer.contentType();
        String name = "previews/" + previewId + extension(contentType);
        Instant at = Instant.now();
        QualityVerdict verdict = answer.verdict();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("previewid", previewId);
        if (productId != null) {
            metadata.put("productid", String.valueOf(productId));
        }
        put(metadata, "prompt", answer.prompt());
        put(metadata, "model", answer.model());
        put(metadata, "deployment", answer.deployment());
        put(metadata, "size", answer.size());
        put(metadata, "quality", answer.quality());
        if (answer.costUsd() != null) {
            metadata.put("costusd", answer.costUsd().toPlainString());
        }
        if (verdict != null && verdict.outcome() != null) {
            metadata.put("verdict", verdict.outcome().name());
            put(metadata, "verdictsummary", verdict.summary());
        }
        put(metadata, "author", author);
        metadata.put("createdat", at.toString());
        byte[] image = Base64.getDecoder().decode(answer.imageBase64());
        container.getBlobClient(name).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(image))
                .setHeaders(new BlobHttpHeaders().setContentType(contentType)).setMetadata(metadata), null, null);
        return read(previewId, name, metadata);
    }

    /** Created private if missing; refused if it allows anonymous reads (blob or container level). */
    public static void ensurePrivate(BlobContainerClient container) {
        container.createIfNotExists();
        if (container.getAccessPolicy().getBlobAccessType() != null) {
            throw new PublicContainerException("the preview container " + container.getBlobContainerName()
                    + " allows anonymous reads: no preview is stored in it (make it private, or name another one in "
                    + "AZURE_STORAGE_PREVIEW_CONTAINER)");
        }
    }

    /** The preview container is public: nothing is stored. */
    public static final class PublicContainerException extends IllegalStateException {
        PublicContainerException(String message) {
            super(message);
        }
    }

    private static Stored read(String previewId, String name, Map<String, String> metadata) {
        String product = metadata.get("productid");
        String cost = metadata.get("costusd");
        String created = metadata.get("createdat");
        return new Stored(previewId, name, product == null ? null : Long.valueOf(product), decoded(metadata, "prompt"),
                decoded(metadata, "model"), cost == null ? null : new BigDecimal(cost), metadata.get("verdict"),
                decoded(metadata, "verdictsummary"), decoded(metadata, "author"),
                created == null ? null : Instant.parse(created));
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String text = value;
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        while (encoded.length() > MAX_ENCODED) {
            int end = text.offsetByCodePoints(0, Math.max(1, text.codePointCount(0, text.length()) * 9 / 10));
            text = text.substring(0, end);
            encoded = URLEncoder.encode(text + "…", StandardCharsets.UTF_8);
        }
        metadata.put(key, encoded);
    }

    private static String decoded(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".png";
        };
    }
}
