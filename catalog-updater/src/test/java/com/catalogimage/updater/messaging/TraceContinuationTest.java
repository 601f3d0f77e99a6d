package com.catalogimage.updater.messaging;

import static com.catalogimage.updater.support.Catalogs.dab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request's trace goes on through the updater: into the delayed-retry topic, the dead letter and the statuses
 * (W3C {@code traceparent} headers with the incoming record's trace id).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class TraceContinuationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** The test profile's short delayed-retry topics, created by {@link RetryTopicsTestResource}. */
    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.stored.delayed-retry-topic.topics")
    List<String> retryTopics;

    @AfterEach
    void clearFaults() {
        dab().faults().clear();
    }

    @Test
    void aRetriedRecordAndItsStatusStayInTheIncomingRecordsTrace() {
        long id = Catalogs.newProduct();
        // More conflicts than the client's four tries: the record goes round a delayed-retry topic, then is written.
        dab().faults().add(Fault.error(409, "DatabaseOperationFailed").times(5).onMethods("PATCH")
                .onPath("/api/Products/Id/" + id));
        String trace = send(Catalogs.storedImage(id));

        ConsumerRecord<String, byte[]> status = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> records(id, com.catalogimage.contracts.Topics.IMAGE_STATUS), r -> !r.isEmpty()).get(0);
        assertThat(UpdaterTopics.statuses(id).get(0).state()).isEqualTo(State.COMPLETED);
        assertThat(traceId(status)).as("the COMPLETED status").isEqualTo(trace);
        List<ConsumerRecord<String, byte[]>> retried = records(id, retryTopics.get(0));
        assertThat(retried).hasSize(1);
        assertThat(traceId(retried.get(0))).as("the delayed retry").isEqualTo(trace);
    }

    @Test
    void aDeadLetterAndItsStatusStayInTheIncomingRecordsTrace() {
        long id = Catalogs.newProduct();
        dab().faults().add(Fault.error(503, null).onMethods("PATCH").onPath("/api/Products/Id/" + id));
        String trace = send(Catalogs.storedImage(id));

        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> records(id, com.catalogimage.contracts.Topics.DEAD_LETTERS), r -> !r.isEmpty()).get(0);
        assertThat(traceId(dead)).as("the dead letter").isEqualTo(trace);
        ConsumerRecord<String, byte[]> status = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> records(id, com.catalogimage.contracts.Topics.IMAGE_STATUS), r -> !r.isEmpty()).get(0);
        assertThat(UpdaterTopics.statuses(id).get(0).state()).isEqualTo(State.DEAD_LETTERED);
        assertThat(traceId(status)).as("the DEAD_LETTERED status").isEqualTo(trace);
    }

    private static List<ConsumerRecord<String, byte[]>> records(long id, String topic) {
        return KafkaTestResource.topics().read(topic, String.valueOf(id), new ByteArrayDeserializer());
    }

    /** Sends the stored image as the uploader would, in a trace of its own; returns that trace's id. */
    private static String send(StoredImage stored) {
        String trace = UUID.randomUUID().toString().replace("-", "");
        var record = new ProducerRecord<>(com.catalogimage.contracts.Topics.STORED_IMAGES,
                String.valueOf(stored.request().product().id()), new JsonSerializer<StoredImage>().serialize(null, stored));
        record.headers().add("traceparent", ("00-" + trace + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        KafkaTestResource.topics().sendRecord(record);
        return trace;
    }

    /** The trace id of the record's {@code traceparent} (the last one: each producer on the way adds its own). */
    private static String traceId(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent of %s-%d@%d", record.topic(), record.partition(), record.offset()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
    }
}
