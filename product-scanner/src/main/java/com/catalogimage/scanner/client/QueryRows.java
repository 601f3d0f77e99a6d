package com.catalogimage.scanner.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Rows as Data API Builder returns them; field names are the catalog's column names. */
public final class QueryRows {

    private QueryRows() {
    }

    /** A row of the {@code Products} table entity. */
    public record ProductRow(
            @JsonProperty("Id") long id,
            @JsonProperty("ProductName") String productName,
            @JsonProperty("Description") String description,
            @JsonProperty("CategoryID") Integer categoryId,
            @JsonProperty("Tags") String tags,
            @JsonProperty("ImageUrl") String imageUrl) {
    }

    /** A row of the {@code Categories} table entity or of the {@code GetCategories} procedure. */
    public record CategoryRow(@JsonProperty("CategoryID") int categoryId, @JsonProperty("CategoryName") String categoryName) {
    }

    /** A row of the seed's {@code GetProducts} stored procedure (category name already joined). */
    public record ProcedureProductRow(
            @JsonProperty("ProductID") long productId,
            @JsonProperty("ProductName") String productName,
            @JsonProperty("Description") String description,
            @JsonProperty("CategoryID") Integer categoryId,
            @JsonProperty("Tags") String tags,
            @JsonProperty("ImageUrl") String imageUrl,
            @JsonProperty("CategoryName") String categoryName) {
    }
}
