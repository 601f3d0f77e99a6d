package com.catalogimage.updater.alttext;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Table mode: the alt text is a field of the PATCH, named as configured. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(AltTextTableModeTest.WithColumn.class)
class AltTextTableModeTest extends AltTextContract {

    public static class WithColumn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("updater.alt-text-column", "ImageAltText");
        }
    }

    @Override
    String body(long id, String url, String altText) {
        return "{\"ImageUrl\":\"" + url + "\",\"ImageAltText\":\"" + altText + "\"}";
    }

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ImageUrl\":\"" + url + "\"}";
    }
}
