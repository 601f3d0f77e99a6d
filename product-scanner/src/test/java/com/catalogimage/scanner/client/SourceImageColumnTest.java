package com.catalogimage.scanner.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.scanner.client.QueryRows.ProductRow;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The optional reference-photo column: selected while present, left out for a while once DAB refuses it. */
class SourceImageColumnTest {

    @Test
    void aColumnIsSelectedUntilFoundMissingThenLeftOutUntilTheRecheckWithOneWarning() {
        AtomicLong now = new AtomicLong(0);
        SourceImageColumn column = new SourceImageColumn("SourceImageUrl", now::get);
        assertThat(column.select("Id,ImageUrl")).isEqualTo("Id,ImageUrl,SourceImageUrl");

        assertThat(column.foundMissing()).as("the first time warns").isTrue();
        assertThat(column.select("Id,ImageUrl")).isEqualTo("Id,ImageUrl");
        now.addAndGet(SourceImageColumn.RECHECK.toNanos());
        assertThat(column.select("Id,ImageUrl")).as("tried again after the recheck").isEqualTo("Id,ImageUrl,SourceImageUrl");
        assertThat(column.foundMissing()).as("still missing is no news").isFalse();

        column.foundPresent();
        assertThat(column.select("Id,ImageUrl")).isEqualTo("Id,ImageUrl,SourceImageUrl");
    }

    @Test
    void emptyIsOffAndANameThatIsNoPlainIdentifierOrACoreColumnIsRefused() {
        assertThat(SourceImageColumn.of(Optional.of("  ")).select("Id")).isEqualTo("Id");
        assertThat(SourceImageColumn.of(Optional.empty()).name()).isEmpty();
        assertThat(SourceImageColumn.of(Optional.of(" SupplierPhoto ")).name()).contains("SupplierPhoto");
        for (String bad : List.of("Source,Id", "Source Image", "imageurl", "Id", "$filter")) {
            assertThatThrownBy(() -> SourceImageColumn.of(Optional.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CATALOG_SOURCE_IMAGE_COLUMN");
        }
    }

    @Test
    void onlyABadRequestMayBeTheColumns() {
        assertThat(SourceImageColumn.mayBeTheColumn(new WebApplicationException(Response.status(400).build()))).isTrue();
        assertThat(SourceImageColumn.mayBeTheColumn(new WebApplicationException(Response.status(503).build()))).isFalse();
        assertThat(SourceImageColumn.mayBeTheColumn(new IllegalStateException("timeout"))).isFalse();
    }

    @Test
    void aRowCarriesTheConfiguredColumnBesideItsOwnFields() throws Exception {
        ProductRow row = new ObjectMapper().readValue("{\"Id\":7,\"ProductName\":\"Mug\",\"ImageUrl\":null,"
                + "\"SourceImageUrl\":\" https://cdn.example/7.jpg \",\"Other\":3}", ProductRow.class);
        assertThat(row.id()).isEqualTo(7);
        assertThat(row.column("SourceImageUrl")).isEqualTo("https://cdn.example/7.jpg");
        assertThat(row.column("Other")).as("not text").isNull();
        assertThat(row.column("Missing")).isNull();
    }

    @Test
    void thePrefixFilterIsTheRangeOfStringsThatBeginWithEachPrefix() {
        assertThat(CatalogReader.prefixFilter(List.of("https://a.example/", "http://o'hara/")))
                .isEqualTo("(ImageUrl ge 'https://a.example/' and ImageUrl lt 'https://a.example0') or "
                        + "(ImageUrl ge 'http://o''hara/' and ImageUrl lt 'http://o''hara0')");
    }
}
