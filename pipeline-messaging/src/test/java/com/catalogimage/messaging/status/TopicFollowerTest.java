package com.catalogimage.messaging.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Following a whole topic from its beginning, on a real broker. */
class TopicFollowerTest {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void everyRecordWrittenBeforeTheStartIsReadAndAPoisonOrATombstoneArrivesAsNull() throws Exception {
        String topic = Topics.IMAGES_AWAITING_REVIEW;
        ProductStatus readable = new ProductStatus(1, "r-1", 1, State.AWAITING_REVIEW, null, null, "test", Instant.now(), null);
        try (KafkaProducer<String, ProductStatus> json = new KafkaProducer<>(producer(), new StringSerializer(),
                new JsonSerializer<>());
                KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producer(), new StringSerializer(),
                        new ByteArraySerializer())) {
            json.send(new ProducerRecord<>(topic, "1", readable)).get();
            raw.send(new ProducerRecord<>(topic, "2", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(topic, "3", null)).get();
        }
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (TopicFollower<ProductStatus> follower = new TopicFollower<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), topic, "test-follower", new ProductStatusDeserializer(),
                records -> records.forEach(record -> seen.put(record.key(),
                        record.value() == null ? "null" : record.value().requestId())))) {
            follower.start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!follower.caughtUp() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(follower.caughtUp()).isTrue();
            assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("1", "r-1", "2", "null", "3", "null"));
        }
    }

    @Test
    void aFollowerTakesTheConnectionSettingsOfAServiceAndNothingOfItsChannels() {
        Map<String, Object> service = Map.of("bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.location", "/etc/ca.p12", "group.id", "a-channel",
                "auto.offset.reset", "latest");
        assertThat(TopicFollower.connection(service)).containsOnlyKeys("bootstrap.servers", "security.protocol",
                "sasl.mechanism", "ssl.truststore.location");
    }

    private static Map<String, Object> producer() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }
}
