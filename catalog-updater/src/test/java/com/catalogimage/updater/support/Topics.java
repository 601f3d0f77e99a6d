package com.catalogimage.updater.support;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.testing.KafkaTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records the way the uploader does and reads topics as they stand now, without a consumer group. */
public final class Topics {

    private Topics() {
    }

    public static void sendStored(StoredImage stored) {
        send(com.catalogimage.contracts.Topics.STORED_IMAGES, String.valueOf(stored.request().product().id()),
                new JsonSerializer<StoredImage>().serialize(null, stored));
    }

    public static void send(String topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot write to " + topic, e);
        }
    }

    /** The statuses written for one product, oldest first. */
    public static List<ProductStatus> statuses(long productId) {
        ProductStatusDeserializer deserializer = new ProductStatusDeserializer();
        return recordsFor(productId, com.catalogimage.contracts.Topics.IMAGE_STATUS).stream()
                .map(r -> deserializer.deserialize(r.topic(), r.value())).toList();
    }

    /** The records of one topic carrying this product's key, in offset order (one partition per key). */
    public static List<ConsumerRecord<String, byte[]>> recordsFor(long productId, String topic) {
        String key = String.valueOf(productId);
        return readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }
}
