package com.catalogimage.updater.messaging;

import static com.catalogimage.localstack.testing.TopicRecords.header;
import static com.catalogimage.updater.support.Catalogs.dab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Table mode ({@code Products} entity under {@code /api}), plus the failure paths. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class TableModeWriteBackTest extends WriteBackContract {

    @Override
    String restPath() {
        return "/api";
    }

    @Override
    String urlOnlyBody(long id, String url) {
        return "{\"ImageUrl\":\"" + url + "\"}";
    }

    @Override
    String writeMethod() {
        return "PATCH";
    }

    @Test
    void aClientErrorIsNotRetriedAndTheRecordIsDeadLettered() {
        long id = Catalogs.newProduct();
        // Two uses available: a retry would take the second one.
        dab().faults().add(Fault.error(400, "BadRequest").times(2).onMethods("GET").onPath("/api/Products/Id/" + id));

        UpdaterTopics.sendStored(Catalogs.storedImage(id));

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ReasonCode.INVALID_REQUEST);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(id);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("catalog-updater");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(dab().faults().active()).singleElement().satisfies(rule -> assertThat(rule.get("remaining")).isEqualTo(1));
        assertThat(dab().stats().imageWrites(id)).isZero();
    }

    @Test
    void aUrlOutsideThePublicBaseIsDeadLetteredAndNeverWritten() {
        long id = Catalogs.newProduct();
        StoredImage ours = Catalogs.storedImage(id);
        StoredImage elsewhere = new StoredImage(ours.request(), ours.blobName(), "https://evil.example/" + ours.blobName(),
                ours.contentType(), ours.sizeBytes(), ours.sha256(), ours.width(), ours.height(), ours.model(),
                ours.storedAt());

        UpdaterTopics.sendStored(elsewhere);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ReasonCode.INVALID_REQUEST);
        assertThat(status.detail()).contains("not under the configured public base");
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(id);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(dab().stats().imageWrites(id)).isZero();
        assertThat(Catalogs.imageUrl(id)).isEmpty();
    }

    @Test
    void aRecordThatIsNotAStoredImageIsDeadLetteredAsPoisonAndThePartitionMovesOn() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id);

        KafkaTestResource.topics().sendBytes(Topics.STORED_IMAGES, String.valueOf(id),
                "{not json".getBytes(StandardCharsets.UTF_8));
        UpdaterTopics.sendStored(stored); // same key, same partition, behind the unreadable record

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(id);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("catalog-updater");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        // SmallRye's own dead-letter producer (the delayed-retry strategy's) names where the record came from and why.
        assertThat(header(dead, "delayed-retry-topic")).isEqualTo(Topics.STORED_IMAGES);
        assertThat(header(dead, "delayed-retry-reason")).contains("StoredImage");
        List<ProductStatus> statuses = awaitStatuses(id, 2);
        assertThat(statuses.get(0).reason()).isEqualTo(ReasonCode.POISON);
        assertThat(statuses.get(1).state()).isEqualTo(State.COMPLETED);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(long id) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(WAIT)
                .until(() -> UpdaterTopics.deadLetters(id), r -> !r.isEmpty());
        return records.get(0);
    }

}
