package com.catalogimage.updater.messaging;

import static com.catalogimage.updater.support.Catalogs.dab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.client.CatalogWrite;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's DAB configuration: {@code GetProducts} and {@code UpdateProductImageUrl} under {@code /rest}, the latter
 * conditional (deploy/sql, decision 0017), which closes the race between our read and our write.
 */
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

    /**
     * An editor sets an image after our read, while our write is on its way (held by a delay on the procedure's POST,
     * which has arrived at DAB but not yet run): the conditional procedure writes nothing, theirs stays, the product is
     * skipped with the reason, and nothing is retried or dead-lettered.
     */
    @Test
    void anImageSetBetweenOurReadAndOurWriteIsKept() {
        long id = Catalogs.newProduct();
        String theirs = "https://cdn.example.com/editor-choice/" + id + ".jpg";
        long postsBefore = dab().stats().requests("POST");
        dab().faults().add(Fault.delay(Duration.ofSeconds(3)).times(1).onMethods("POST")
                .onPath("/rest/UpdateProductImageUrl"));

        UpdaterTopics.sendStored(Catalogs.storedImage(id));
        await().atMost(WAIT).until(() -> dab().stats().requests("POST") > postsBefore);
        Catalogs.setImageUrl(id, theirs);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.SKIPPED);
        assertThat(status.reason()).isEqualTo(ReasonCode.ALREADY_HAS_IMAGE);
        assertThat(status.detail()).contains("between our read and our conditional write");
        assertThat(Catalogs.imageUrl(id)).isEqualTo(theirs);
        assertThat(dab().stats().imageWrites(id)).as("only the editor's write").isEqualTo(1);
        assertThat(UpdaterTopics.deadLetters(id)).isEmpty();
    }

    /**
     * The procedure's restyle write is conditional on the original (deploy/sql's @ExpectedImageUrl): an image set after
     * our read is kept, whatever it is, and the answer names it.
     */
    @Test
    void theProceduresRestyleWriteReplacesOnlyTheExpectedOriginal() {
        long id = Catalogs.newProduct();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        String theirs = "https://cdn.example.com/editor-choice/" + id + ".jpg";
        Catalogs.setImageUrl(id, theirs);

        assertThat(catalog.writeImageUrl(id, "http://127.0.0.1/ours.png", null, original))
                .isEqualTo(new CatalogWrite.NotWritten(theirs));
        assertThat(Catalogs.imageUrl(id)).isEqualTo(theirs);

        assertThat(catalog.writeImageUrl(id, "http://127.0.0.1/ours.png", null, theirs))
                .isInstanceOf(CatalogWrite.Written.class);
        assertThat(Catalogs.imageUrl(id)).isEqualTo("http://127.0.0.1/ours.png");
    }

    @Override
    String restPath() {
        return "/rest";
    }

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ProductID\":" + id + ",\"ImageUrl\":\"" + url + "\"}";
    }

    @Override
    String writeMethod() {
        return "POST";
    }
}
