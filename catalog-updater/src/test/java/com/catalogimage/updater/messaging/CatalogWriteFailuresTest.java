package com.catalogimage.updater.messaging;

import static com.catalogimage.localstack.testing.TopicRecords.header;
import static com.catalogimage.updater.support.Catalogs.dab;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.serde.StoredImageDeserializer;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The failure table as the updater lives it, against the DAB emulator's faults and the real broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class CatalogWriteFailuresTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void clearFaults() {
        dab().faults().clear();
    }

    @Test
    void conflictsOnSomeWritesAreRetriedThroughTheRetryTopicAndWrittenOnce() {
        long id = Catalogs.newProduct();
        // Five: more than the client's four tries, so the record also goes round a delayed-retry topic.
        dab().faults().add(Fault.error(409, "DatabaseOperationFailed").times(5).onMethods("PATCH")
                .onPath("/api/Products/Id/" + id));
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
        assertThat(deadLetters(id)).isEmpty();
    }

    @Test
    void aServerErrorThatOutlivesEveryRetryEndsAsRetriesExhaustedWithTheOriginalRecord() {
        long id = Catalogs.newProduct();
        dab().faults().add(Fault.error(503, null).onMethods("PATCH").onPath("/api/Products/Id/" + id));
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);

        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> deadLetters(id), l -> !l.isEmpty()).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("catalog-updater");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("4");
        assertThat(header(dead, "delayed-retry-count")).isEqualTo("3");
        assertThat(header(dead, "delayed-retry-reason")).contains("503");
        StoredImage original = new StoredImageDeserializer().deserialize("image-dead-letters", dead.value());
        assertThat(original.request().requestId()).isEqualTo(stored.request().requestId());
        assertThat(original.url()).isEqualTo(stored.url());

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ReasonCode.RETRIES_EXHAUSTED);
        assertThat(dab().stats().imageWrites(id)).isZero();
    }

    @Test
    void anEntityDabDoesNotExposePausesConsumingWithoutDeadLettersUntilItIsBack() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id);
        // What a wrong entity path or REST path looks like, on the read and on the probe alike.
        dab().faults().add(Fault.error(404, "EntityNotFound").onMethods("GET").onPath("/api/Products"));

        UpdaterTopics.sendStored(stored);

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Data API Builder' }.data.paused", is("CONFIGURATION")));
        assertThat(metrics.get("updater.paused").gauge().value()).isEqualTo(1.0);
        assertThat(UpdaterTopics.statuses(id)).as("held, not failed").isEmpty();
        assertThat(deadLetters(id)).isEmpty();

        dab().faults().clear(); // fixed

        assertThat(awaitStatuses(id, 1).get(0).state()).isEqualTo(State.COMPLETED);
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(metrics.get("updater.paused").gauge().value()).isZero();
        assertThat(deadLetters(id)).isEmpty();
    }

    static List<ProductStatus> awaitStatuses(long id, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> UpdaterTopics.statuses(id), statuses -> statuses.size() >= count);
    }

    static List<ConsumerRecord<String, byte[]>> deadLetters(long id) {
        return UpdaterTopics.deadLetters(id);
    }
}
