package com.catalogimage.contracts;

/**
 * The catalog fields a prompt is built from, exactly as read from Data API Builder (not yet cleaned).
 *
 * @param id           the catalog's primary key ({@code Products.Id})
 * @param name         {@code ProductName}
 * @param description  {@code Description}
 * @param categoryId   {@code CategoryID}
 * @param categoryName {@code Categories.CategoryName}, resolved by the scanner
 * @param tags         {@code Tags}, comma separated, may be {@code null}
 * @param imageUrl     {@code ImageUrl} when the scan read it: {@code null} for a product without an image; for a
 *                     {@link ImageRequest.Mode#RESTYLE restyle}, the supplier photo to restyle and the original the
 *                     catalog keeps until the new image is approved. Added with issue 14: older producers leave it out
 * @param sourceImageUrl the product's reference photo (a configurable catalog column such as {@code SourceImageUrl}),
 *                     sent to {@code /images/edits} so the product's real shape, colour and label survive; {@code null}
 *                     when the catalog has none. Untrusted: fetched only through the generator's guarded fetch
 */
public record Product(long id, String name, String description, Integer categoryId, String categoryName, String tags,
        String imageUrl, String sourceImageUrl) {

    /** A product without image URLs (a catalog without the columns, and producers older than reference photos). */
    public Product(long id, String name, String description, Integer categoryId, String categoryName, String tags) {
        this(id, name, description, categoryId, categoryName, tags, null, null);
    }

    /** The same product with the catalog's image URLs. */
    public Product withImageUrls(String currentImageUrl, String referencePhotoUrl) {
        return new Product(id, name, description, categoryId, categoryName, tags, currentImageUrl, referencePhotoUrl);
    }
}
