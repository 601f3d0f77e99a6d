package com.catalogimage.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.contracts.serde.JsonSerializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contracts' serdes on a real broker: large image records fit, and a malformed record is reported precisely. */
class PipelineSerdeOverKafkaTest {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aFourMegabyteImageTravelsInline() throws Exception {
        byte[] png = new byte[4 * 1024 * 1024];
        new Random(1).nextBytes(png);
        ImageRequest request = new ImageRequest("r-" + UUID.randomUUID(), new Product(3, "Chocolate Bar",
                "Rich milk chocolate bar, perfect for snacking.", 4, "Candy", "snack,sweet"), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        GeneratedImage image = new GeneratedImage(request, png, "image/png", "gpt-image-1-mini", "gpt-image-1-mini",
                "1024x1024", "low", null, new BigDecimal("0.011"), null, Instant.now());

        try (KafkaProducer<String, GeneratedImage> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES), new StringSerializer(), new JsonSerializer<>())) {
            producer.send(new ProducerRecord<>(Topics.GENERATED_IMAGES, "3", image)).get();
        }

        ConsumerRecord<String, GeneratedImage> read = consumeOne(Topics.GENERATED_IMAGES, new GeneratedImageDeserializer());
        assertThat(read.key()).isEqualTo("3");
        assertThat(read.value().image()).isEqualTo(png);
        assertThat(read.value().request()).isEqualTo(request);
    }

    @Test
    void aMalformedRecordFailsNamingTopicPartitionAndOffset() throws Exception {
        RecordMetadata written;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            written = producer.send(new ProducerRecord<>(Topics.IMAGE_REQUESTS, "9",
                    "not json at all".getBytes(StandardCharsets.UTF_8))).get();
        }

        RecordDeserializationException failure = catchThrowableOfType(RecordDeserializationException.class,
                () -> consumeOne(Topics.IMAGE_REQUESTS, new ImageRequestDeserializer()));

        assertThat(failure.topicPartition().topic()).isEqualTo(Topics.IMAGE_REQUESTS);
        assertThat(failure.offset()).isEqualTo(written.offset());
        assertThat(failure.getMessage()).contains(Topics.IMAGE_REQUESTS + "-" + written.partition())
                .contains("offset " + written.offset());
        assertThat(failure.getCause()).hasMessageContaining("is not a valid ImageRequest");
    }

    private static <T> ConsumerRecord<String, T> consumeOne(String topic, Deserializer<T> deserializer) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }
}
