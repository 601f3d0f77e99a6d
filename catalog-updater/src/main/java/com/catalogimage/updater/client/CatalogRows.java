package com.catalogimage.updater.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

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
     * The PATCH body: only the columns we own. DAB's {@code request-body-strict} refuses the key in the body, and
     * sending other columns would overwrite edits made since the scan. {@code altText} is the configured alt text
     * column ({@code CATALOG_ALT_TEXT_COLUMN}) and its value, or empty: its name is configuration, so it is written
     * as it is named there, after {@code ImageUrl}; empty, the body is {@code {"ImageUrl":"…"}} as before.
     */
    public record ImageUrlPatch(@JsonProperty("ImageUrl") String imageUrl, @JsonIgnore Map<String, String> altText) {

        public ImageUrlPatch {
            altText = altText == null ? Map.of() : Map.copyOf(altText);
        }

        /** The URL alone. */
        public ImageUrlPatch(String imageUrl) {
            this(imageUrl, Map.of());
        }

        @JsonAnyGetter
        Map<String, String> altTextColumn() {
            return altText;
        }
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

    /**
     * The parameters of the seed's {@code UpdateProductImageUrl} procedure, and deploy/sql's optional
     * {@code ImageAltText} and {@code ExpectedImageUrl} (a restyle's original, decision 0031: written only over that
     * URL), each left out when {@code null}: the seed's procedure has no such parameters, and DAB refuses one it does
     * not know.
     */
    public record UpdateImageUrlParameters(@JsonProperty("ProductID") long productId, @JsonProperty("ImageUrl") String imageUrl,
            @JsonProperty("ImageAltText") @JsonInclude(JsonInclude.Include.NON_NULL) String imageAltText,
            @JsonProperty("ExpectedImageUrl") @JsonInclude(JsonInclude.Include.NON_NULL) String expectedImageUrl) {

        /** The URL alone. */
        public UpdateImageUrlParameters(long productId, String imageUrl) {
            this(productId, imageUrl, null, null);
        }

        /** The URL and its alt text, on a product without an image. */
        public UpdateImageUrlParameters(long productId, String imageUrl, String imageAltText) {
            this(productId, imageUrl, imageAltText, null);
        }
    }
}
