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
 */
public record Product(long id, String name, String description, Integer categoryId, String categoryName, String tags) {
}
