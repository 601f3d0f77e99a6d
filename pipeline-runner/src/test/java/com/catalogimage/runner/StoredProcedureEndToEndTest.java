package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.dab.SampleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same run against the seed's DAB configuration: GetProducts to read, UpdateProductImageUrl to write. */
class StoredProcedureEndToEndTest {

    @TempDir
    static Path folder;
    static PipelineRunner runner;

    @BeforeAll
    static void runTheSampleCatalog() {
        runner = EndToEnd.runDrained(folder, "stored-procedure", Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void theSampleCatalogEndsTheSameWayThroughTheSeedsProcedures() throws Exception {
        Map<Long, ProductStatus> statuses = runner.board().latest();
        Map<Long, JsonNode> catalog = EndToEnd.catalog(runner);
        long completed = statuses.values().stream().filter(s -> s.state() == State.COMPLETED).count();
        long withOurImage = catalog.values().stream()
                .filter(row -> row.path("ImageUrl").asText().startsWith(runner.stack().azurite().blobEndpoint())).count();

        assertThat(completed).isPositive().isEqualTo(withOurImage);
        assertThat(statuses.values()).filteredOn(s -> s.reason() == ReasonCode.CONTENT_POLICY).hasSize(1);
        assertThat(statuses.values()).filteredOn(s -> s.reason() == ReasonCode.DUPLICATE).hasSize(1);
        assertThat(completed + statuses.values().stream().filter(s -> s.state() != State.COMPLETED).count())
                .isEqualTo(SampleCatalog.WITHOUT_IMAGE);
        assertThat(runner.scanNow().path("requested").asInt()).isZero();
        assertThat(runner.stack().imageApi().stats().generations()).isEqualTo((int) completed);
    }
}
