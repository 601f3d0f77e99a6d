package com.catalogimage.runner.faults;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a whole topic as it is now (beginning to end), and writes raw records: the matrix's view of Kafka. */
final class TopicSnapshot {

    /** One dead letter: the original record's key and value, and the headers the stage and SmallRye added. */
    record DeadLetter(String key, byte[] value, Map<String, String> headers) {
        String reasonCode() {
            return headers.getOrDefault(DeadLetterHeaders.REASON_CODE, "?");
        }

        String stage() {
            return headers.getOrDefault(DeadLetterHeaders.STAGE, "?");
        }

        /** The topic the record came from, under either SmallRye strategy. */
        String sourceTopic() {
            return headers.getOrDefault("dead-letter-topic", headers.getOrDefault("delayed-retry-topic", "?"));
        }
    }

    private TopicSnapshot() {
    }

    /** Every status event on the status topic, in partition order; records that are not statuses are left out. */
    static List<ProductStatus> statuses(String bootstrap) {
        ProductStatusDeserializer deserializer = new ProductStatusDeserializer();
        List<ProductStatus> statuses = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, Topics.IMAGE_STATUS)) {
            try {
                ProductStatus status = deserializer.deserialize(Topics.IMAGE_STATUS, record.value());
                if (status != null && status.state() != null && status.at() != null) {
                    statuses.add(status);
                }
            } catch (SerializationException poison) {
                // a poison record the matrix wrote itself
            }
        }
        return statuses;
    }

    static List<DeadLetter> deadLetters(String bootstrap) {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, Topics.DEAD_LETTERS)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            letters.add(new DeadLetter(record.key(), record.value(), headers));
        }
        return letters;
    }

    static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** Writes records as they are given, bypassing every serializer: how a poison record gets onto a topic. */
    static void writeRaw(String bootstrap, String topic, Map<String, byte[]> keyedValues) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            keyedValues.forEach((key, value) -> {
                try {
                    producer.send(new ProducerRecord<>(topic, key, value)).get();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot write to " + topic, e);
                }
            });
        }
    }
}
