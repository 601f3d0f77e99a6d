package com.catalogimage.updater.alttext;

import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.SeedCatalogDab;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Stored-procedure mode against the seed's procedure: DAB's 400 for the unknown {@code ImageAltText} parameter. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@WithTestResource(value = SeedCatalogDab.class, initArgs = @ResourceArg(name = "path", value = "/rest"))
@TestProfile(MissingColumnStoredProcedureModeTest.SeedProcedure.class)
class MissingColumnStoredProcedureModeTest extends MissingColumnContract {

    public static class SeedProcedure implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("updater.mode", "stored-procedure", "updater.alt-text-column", "ImageAltText");
        }
    }

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ProductID\":" + id + ",\"ImageUrl\":\"" + url + "\"}";
    }
}
