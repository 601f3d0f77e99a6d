package com.catalogimage.scanner.service;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.localstack.dab.SampleCatalog;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed's DAB configuration unchanged: only the GetProducts procedure, filtered here. */
@QuarkusTest
@TestProfile(StoredProcedureScanTest.StoredProcedureMode.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class StoredProcedureScanTest {

    public static class StoredProcedureMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scan.mode", "stored-procedure",
                    "quarkus.rest-client.dab.url", "${local-stack.dab.url}/rest");
        }
    }

    @Inject
    ScanService scans;

    @Test
    void readsEveryProductThroughTheProcedureAndRequestsOnlyThoseWithoutImage() {
        long id = DabEmulatorTestResource.emulator().insertProduct("Walnut Serving Tray " + UUID.randomUUID(),
                "An oiled walnut serving tray with carved handles.", 3, "wood", new BigDecimal("45.00"), "");

        ScanReport first = scans.scan("test");
        scans.scan("test");

        assertThat(first.mode()).isEqualTo("stored-procedure");
        assertThat(first.seen()).isGreaterThan(first.missing());
        assertThat(first.total()).isEqualTo(first.seen());
        assertThat(first.seen() - first.missing()).isGreaterThanOrEqualTo(SampleCatalog.WITH_IMAGE);
        List<ImageRequest> requests = topics().values(Topics.IMAGE_REQUESTS, String.valueOf(id), new ImageRequestDeserializer());
        assertThat(requests).singleElement().satisfies(request ->
                assertThat(request.product().categoryName()).isEqualTo("Home & Kitchen"));
    }

    @Test
    void productsWithAnImageAreNeverRequested() {
        scans.scan("test");
        long chocolateBar = 4; // the seed's example, with an image in the sample catalog
        assertThat(topics().values(Topics.IMAGE_REQUESTS, String.valueOf(chocolateBar), new ImageRequestDeserializer())).isEmpty();
    }
}
