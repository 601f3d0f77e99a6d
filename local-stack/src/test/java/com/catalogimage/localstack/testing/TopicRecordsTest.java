package com.catalogimage.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicRecordsTest {

    static EmbeddedKafka kafka;
    static KafkaCompanion companion;
    static TopicRecords topics;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
        companion = new KafkaCompanion(kafka.bootstrapServers());
        topics = new TopicRecords(companion);
    }

    @AfterAll
    static void close() {
        companion.close();
        kafka.close();
    }

    @Test
    void readsEveryPartitionToItsCurrentEndAndAnEmptyTopicAsNothing() {
        String topic = newTopic(3);
        assertThat(topics.read(topic)).isEmpty();

        for (int i = 0; i < 10; i++) {
            topics.sendBytes(topic, "key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
        }

        List<ConsumerRecord<String, String>> records = topics.read(topic, new StringDeserializer());
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6",
                        "value-7", "value-8", "value-9");
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).as("several partitions").hasSizeGreaterThan(1);
    }

    @Test
    void readsOneKeysRecordsInOrderAndDeserializesOnlyThose() {
        String topic = newTopic(3);
        ProductStatus first = status(1, ProductStatus.State.REQUESTED);
        ProductStatus second = status(1, ProductStatus.State.GENERATED);
        topics.sendBytes(topic, "2", "{not json".getBytes(StandardCharsets.UTF_8));
        topics.send(topic, "1", first);
        topics.send(topic, "1", second);

        assertThat(topics.values(topic, "1", new ProductStatusDeserializer())).containsExactly(first, second);
        assertThatThrownBy(() -> topics.read(topic, new ProductStatusDeserializer()))
                .as("another key's poison, read with the same deserializer").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitsRecordsWrittenAfterTheReadBegan() {
        String topic = newTopic(2);
        topics.sendBytes(topic, "other", new byte[] {1});
        CompletableFuture.runAsync(() -> {
            sleep(Duration.ofMillis(500));
            topics.sendBytes(topic, "mine", new byte[] {2});
            topics.sendBytes(topic, "mine", new byte[] {3});
        });

        List<ConsumerRecord<String, String>> records = topics.await(topic, "mine", new StringDeserializer(), 2,
                Duration.ofSeconds(20));

        assertThat(records).extracting(ConsumerRecord::key).containsOnly("mine").hasSize(2);
    }

    @Test
    void sendsRecordsWithTheirHeadersAndTimestamp() {
        String topic = newTopic(1);
        RecordHeaders headers = new RecordHeaders();
        headers.add("reason", "because".getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");

        topics.sendRecord(new ProducerRecord<>(topic, null, at.toEpochMilli(), "k", new byte[] {7}, headers));

        ConsumerRecord<String, byte[]> record = topics.read(topic).get(0);
        assertThat(TopicRecords.header(record, "reason")).isEqualTo("because");
        assertThat(TopicRecords.header(record, "absent")).isNull();
        assertThat(record.timestamp()).isEqualTo(at.toEpochMilli());
    }

    private static String newTopic(int partitions) {
        String topic = "topic-records-" + UUID.randomUUID();
        companion.topics().createAndWait(topic, partitions);
        return topic;
    }

    private static ProductStatus status(long productId, ProductStatus.State state) {
        return new ProductStatus(productId, "r-" + UUID.randomUUID(), 1, state, null, null, "test",
                Instant.parse("2026-01-02T03:04:05Z"), null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
