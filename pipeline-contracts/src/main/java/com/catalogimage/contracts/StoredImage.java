package com.catalogimage.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An image stored in Blob Storage, ready to be written back to the catalog.
 *
 * @param request     the request it answers
 * @param blobName    the blob's name inside its container
 * @param url         the full public URL the catalog will hold
 * @param contentType the verified content type
 * @param sizeBytes   the stored size
 * @param sha256      hex SHA-256 of the bytes
 * @param width       decoded width in pixels
 * @param height      decoded height in pixels
 * @param model       the model that generated it
 * @param storedAt    when the upload finished
 * @param verdict     the generator's quality verdict and alt text, carried on to the catalog (the updater writes the
 *                    alt text when the catalog has a column for it); {@code null} from producers older than the check
 * @param variants    the call's other images ({@code IMAGE_VARIANTS} 2-4), stored beside this one in the review
 *                    container, never published unless a reviewer picks one ({@link ReviewDecision#variant()}); empty or
 *                    {@code null} with one image. Added with issue 14
 */
public record StoredImage(
        ImageRequest request,
        String blobName,
        String url,
        String contentType,
        long sizeBytes,
        String sha256,
        int width,
        int height,
        String model,
        Instant storedAt,
        QualityVerdict verdict,
        List<Variant> variants) {

    /** A stored image without variants. */
    public StoredImage(ImageRequest request, String blobName, String url, String contentType, long sizeBytes,
            String sha256, int width, int height, String model, Instant storedAt, QualityVerdict verdict) {
        this(request, blobName, url, contentType, sizeBytes, sha256, width, height, model, storedAt, verdict, List.of());
    }

    /** A stored image without a verdict (producers and tests older than the quality check). */
    public StoredImage(ImageRequest request, String blobName, String url, String contentType, long sizeBytes,
            String sha256, int width, int height, String model, Instant storedAt) {
        this(request, blobName, url, contentType, sizeBytes, sha256, width, height, model, storedAt, null, List.of());
    }

    /**
     * One of the other images of the same call, stored as its own blob (same content type as the main image).
     *
     * @param index     1 for the call's second image, 2 for its third…; 0 is the main image itself
     * @param blobName  the blob's name in the same container as the main image
     * @param url       its private URL there (never handed to a browser as is)
     * @param sizeBytes the stored size
     * @param sha256    hex SHA-256 of the bytes
     * @param width     decoded width in pixels
     * @param height    decoded height in pixels
     */
    public record Variant(int index, String blobName, String url, long sizeBytes, String sha256, int width, int height) {
    }

    /** The other images, never {@code null}. */
    public List<Variant> variantsOrEmpty() {
        return variants == null ? List.of() : variants;
    }

    /** The alt text, if the image has one. */
    public String altText() {
        return verdict == null ? null : verdict.altText();
    }
}
