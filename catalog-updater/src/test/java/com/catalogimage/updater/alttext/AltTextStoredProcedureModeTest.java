package com.catalogimage.updater.alttext;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * Stored-procedure mode: the alt text is deploy/sql's {@code @ImageAltText} parameter, written by the conditional
 * procedure with the URL (decision 0017's condition covers both).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(AltTextStoredProcedureModeTest.WithParameter.class)
class AltTextStoredProcedureModeTest extends AltTextContract {

    public static class WithParameter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("updater.mode", "stored-procedure",
                    "quarkus.rest-client.dab.url", "${local-stack.dab.url}/rest",
                    "updater.alt-text-column", "ImageAltText");
        }
    }

    @Override
    String body(long id, String url, String altText) {
        return "{\"ProductID\":" + id + ",\"ImageUrl\":\"" + url + "\",\"ImageAltText\":\"" + altText + "\"}";
    }

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ProductID\":" + id + ",\"ImageUrl\":\"" + url + "\"}";
    }
}
