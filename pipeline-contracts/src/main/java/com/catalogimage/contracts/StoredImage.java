package com.catalogimage.contracts;

import java.time.Instant;

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
        QualityVerdict verdict) {

    /** A stored image without a verdict (producers and tests older than the quality check). */
    public StoredImage(ImageRequest request, String blobName, String url, String contentType, long sizeBytes,
            String sha256, int width, int height, String model, Instant storedAt) {
        this(request, blobName, url, contentType, sizeBytes, sha256, width, height, model, storedAt, null);
    }

    /** The alt text, if the image has one. */
    public String altText() {
        return verdict == null ? null : verdict.altText();
    }
}
