package com.catalogimage.updater.messaging;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** The seed's DAB configuration unchanged: {@code GetProducts} and {@code UpdateProductImageUrl} under {@code /rest}. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(StoredProcedureModeWriteBackTest.StoredProcedureMode.class)
class StoredProcedureModeWriteBackTest extends WriteBackContract {

    public static class StoredProcedureMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("updater.mode", "stored-procedure",
                    "quarkus.rest-client.dab.url", "${local-stack.dab.url}/rest");
        }
    }

    @Override
    String restPath() {
        return "/rest";
    }

    @Override
    String writeMethod() {
        return "POST";
    }
}
