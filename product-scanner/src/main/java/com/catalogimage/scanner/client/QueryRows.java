package com.catalogimage.scanner.client;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Rows as Data API Builder returns them; field names are the catalog's column names. */
public final class QueryRows {

    private QueryRows() {
    }

    /**
     * The text of a column the rows do not name (the configurable reference-photo column): null when absent, blank or
     * not text.
     */
    static String text(Map<String, Object> more, String name) {
        if (more == null || name == null || !(more.get(name) instanceof String value) || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    /** A row of the {@code Products} table entity; {@code more} holds the columns selected beyond these. */
    public record ProductRow(
            @JsonProperty("Id") long id,
            @JsonProperty("ProductName") String productName,
            @JsonProperty("Description") String description,
            @JsonProperty("CategoryID") Integer categoryId,
            @JsonProperty("Tags") String tags,
            @JsonProperty("ImageUrl") String imageUrl,
            @JsonAnySetter Map<String, Object> more) {

        /** The configured reference-photo column's value, if the row has it. */
        public String column(String name) {
            return QueryRows.text(more, name);
        }
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
            @JsonProperty("CategoryName") String categoryName,
            @JsonAnySetter Map<String, Object> more) {

        /** The configured reference-photo column's value, if the procedure returns it. */
        public String column(String name) {
            return QueryRows.text(more, name);
        }
    }
}
