package com.catalogimage.localstack.testing;

import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How tests see the pipeline's topics, through SmallRye's {@link KafkaCompanion}: a topic read as it stands now (from
 * the beginning to the end offsets of the moment, without a consumer group), records awaited from the beginning, and
 * records written the way a stage writes them (keyed by product id, acks from all replicas, records up to
 * {@link Topics#MAX_MESSAGE_BYTES}). Service tests get one from {@link KafkaTestResource#topics()}; anything else wraps
 * a companion on its own broker.
 */
public final class TopicRecords {

    /** How long reading a topic to its end may take before the read fails. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /** Marks the end of a read in the record stream; never handed out. */

    private final KafkaCompanion companion;

    public TopicRecords(KafkaCompanion companion) {
        this.companion = companion;
    }

    public KafkaCompanion companion() {
        return companion;
    }

    /** Every record on the topic now, values read with this deserializer (a record it cannot read fails the read). */
    public <T> List<ConsumerRecord<String, T>> read(String topic, Deserializer<T> values) {
        return read(topic, values, READ_TIMEOUT);
    }

    /**
     * {@link #read(String, Deserializer)} waiting at most {@code atMost} for the end. Read committed, and done when the
     * consumer's position reaches the end offsets, not when a record at {@code end - 1} arrives: the scanner writes in
     * transactions, and a partition whose last write was a commit ends with a marker no consumer is given.
     */
    public <T> List<ConsumerRecord<String, T>> read(String topic, Deserializer<T> values, Duration atMost) {
        Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
        Map<TopicPartition, Long> from = offsets(topic, OffsetSpec.earliest()).entrySet().stream()
                .filter(start -> start.getValue() < end.get(start.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (from.isEmpty()) {
            return List.of();
        }
        Map<String, Object> config = new HashMap<>(companion.getCommonClientConfig());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, companion.getBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(atMost);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (from.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + atMost);
                }
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < end.get(partition(record))) {
                        records.add(record);
                    }
                }
            }
        } catch (KafkaException e) {
            throw new IllegalStateException("Could not read " + topic + ": " + e.getMessage(), e);
        }
        return List.copyOf(records);
    }

    /** Every record on the topic now, values as they are. */
    public List<ConsumerRecord<String, byte[]>> read(String topic) {
        return read(topic, new ByteArrayDeserializer());
    }

    /**
     * The records on the topic now that carry this key, in offset order (one partition per key). Only they are
     * deserialized: other tests' records on the topic may be anything, poison included.
     */
    public <T> List<ConsumerRecord<String, T>> read(String topic, String key, Deserializer<T> values) {
        return read(topic).stream().filter(record -> key.equals(record.key()))
                .map(record -> typed(record, values)).toList();
    }

    /** The values of {@link #read(String, String, Deserializer)}. */
    public <T> List<T> values(String topic, String key, Deserializer<T> values) {
        return read(topic, key, values).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Waits until at least {@code count} records with this key are on the topic, read from the beginning, and returns
     * those read by then. Only they are deserialized.
     */
    public <T> List<ConsumerRecord<String, T>> await(String topic, String key, Deserializer<T> values, int count,
            Duration atMost) {
        Map<TopicPartition, Long> from = offsets(topic, OffsetSpec.earliest());
        try (ConsumerBuilder<String, byte[]> consumer = consumer(new ByteArrayDeserializer());
                ConsumerTask<String, byte[]> task = consumer.fromOffsets(from,
                        records -> records.select().where(record -> key.equals(record.key())))) {
            task.awaitRecords(count, atMost);
            return task.getRecords().stream().map(record -> typed(record, values)).toList();
        }
    }

    /** Writes one event as JSON, the way the stages' serializer does. */
    public RecordMetadata send(String topic, String key, Object event) {
        return sendBytes(topic, key, new JsonSerializer<>().serialize(topic, event));
    }

    /** Writes these value bytes as they are: how a poison record (or a tombstone, {@code null}) gets onto a topic. */
    public RecordMetadata sendBytes(String topic, String key, byte[] value) {
        return sendRecord(new ProducerRecord<>(topic, key, value));
    }

    /** Writes one record with whatever headers, partition or timestamp it carries. */
    public RecordMetadata sendRecord(ProducerRecord<String, byte[]> record) {
        try (ProducerBuilder<String, byte[]> producer = companion
                .produceWithSerializers(new StringSerializer(), new ByteArraySerializer())
                .withProp(ProducerConfig.ACKS_CONFIG, "all")
                .withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES)) {
            try {
                return producer.fromRecords(List.of(record)).awaitCompletion(SEND_TIMEOUT).getFirstRecord();
            } catch (AssertionError e) {
                throw new IllegalStateException("Cannot write to " + record.topic(), e);
            }
        }
    }

    /** The last value of a header as UTF-8 text, {@code null} when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The same record with its value read by this deserializer (which sees the record's headers). */
    public static <T> ConsumerRecord<String, T> typed(ConsumerRecord<String, byte[]> record, Deserializer<T> values) {
        T value = values.deserialize(record.topic(), record.headers(), record.value());
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), value,
                record.headers(), record.leaderEpoch());
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) {
        List<TopicPartition> partitions = companion.topics().describe(topic).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return companion.offsets().list(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private <T> ConsumerBuilder<String, T> consumer(Deserializer<T> values) {
        return companion.consumeWithDeserializers(new StringDeserializer(), values)
                .withProp(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .withProp(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                .withProp(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES));
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

}
