package com.catalogimage.updater.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What the updater reads from and sends to Data API Builder; field names are the catalog's column names. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /** DAB's answer to reads and writes alike: the rows are in {@code value}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DabRows<T>(List<T> value) {

        public boolean isEmpty() {
            return value == null || value.isEmpty();
        }
    }

    /** A {@code Products} row, as selected with {@code $select=Id,ImageUrl}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductRow(@JsonProperty("Id") long id, @JsonProperty("ImageUrl") String imageUrl) {
    }

    /** A row of the seed's {@code GetProducts} procedure; only what the updater needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcedureProductRow(@JsonProperty("ProductID") long productId, @JsonProperty("ImageUrl") String imageUrl) {
    }

    /**
     * The PATCH body: only the column we own. DAB's {@code request-body-strict} refuses the key in the body, and
     * sending other columns would overwrite edits made since the scan.
     */
    public record ImageUrlPatch(@JsonProperty("ImageUrl") String imageUrl) {
    }

    /**
     * The answer of deploy/sql's conditional {@code UpdateProductImageUrl} (decision 0017): {@code RowsAffected} 1 when
     * it wrote now, 0 when the product already held an image, which {@code ImageUrl} names. The seed's unconditional
     * procedure answers without {@code RowsAffected} (null here).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConditionalWriteRow(@JsonProperty("RowsAffected") Integer rowsAffected,
            @JsonProperty("ImageUrl") String imageUrl) {
    }

    /** The parameters of the seed's {@code UpdateProductImageUrl} procedure. */
    public record UpdateImageUrlParameters(@JsonProperty("ProductID") long productId, @JsonProperty("ImageUrl") String imageUrl) {
    }
}
