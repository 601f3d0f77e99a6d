package com.catalogimage.generator.testing;

import org.awaitility.Awaitility;

import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.localstack.testing.KafkaTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: what another stage (or an operator's tool) would see on the topics. */
public final class PipelineTopics {

    private PipelineTopics() {
    }

    public static RecordMetadata send(String topic, String key, Object value) {
        return sendBytes(topic, key, new JsonSerializer<>().serialize(topic, value));
    }

    public static RecordMetadata sendBytes(String topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Waits until {@code count} records with this key are on the topic (read from the start) and returns them. */
    public static <T> List<ConsumerRecord<String, T>> await(String topic, String key, Deserializer<T> values, int count,
            Duration atMost) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(typed(record, values));
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    /** Every record with this key on the topic right now (reads to the current end). */
    public static <T> List<ConsumerRecord<String, T>> all(String topic, String key, Deserializer<T> values) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Predicate<KafkaConsumer<String, byte[]>> done = c -> partitions.stream().allMatch(p -> c.position(p) >= end.get(p));
            while (!done.test(consumer)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(typed(record, values));
                    }
                });
            }
        }
        return found;
    }

    /** Other tests' records may be anything (poison included): only this test's records are deserialized. */
    private static <T> ConsumerRecord<String, T> typed(ConsumerRecord<String, byte[]> record, Deserializer<T> values) {
        T value = values.deserialize(record.topic(), record.headers(), record.value());
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), value,
                record.headers(), record.leaderEpoch());
    }

    public static Deserializer<byte[]> bytes() {
        return new ByteArrayDeserializer();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "generator-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Request ids that reached GENERATED, STORED or COMPLETED today (UTC), as the generator's budget counts them. */
    public static long generatedToday() {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.Set<String> ids = new java.util.HashSet<>();
        var statuses = new com.catalogimage.contracts.serde.ProductStatusDeserializer();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IMAGE_STATUS).stream()
                    .map(info -> new TopicPartition(Topics.IMAGE_STATUS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    try {
                        var status = statuses.deserialize(record.topic(), record.value());
                        if (status != null && status.requestId() != null && status.at() != null
                                && status.state() == com.catalogimage.contracts.ProductStatus.State.GENERATED
                                && status.at().atZone(java.time.ZoneOffset.UTC).toLocalDate().equals(today)) {
                            ids.add(status.requestId());
                        }
                    } catch (RuntimeException poison) {
                        // not a status
                    }
                });
            }
        }
        return ids.size();
    }
}
