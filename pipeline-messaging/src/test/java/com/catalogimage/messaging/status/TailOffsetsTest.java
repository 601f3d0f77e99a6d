package com.catalogimage.messaging.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A status topic whose partitions end in a commit marker, on a real broker. */
class TailOffsetsTest {

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
    void theTailIsOnePastTheLastCommittedRecordNotTheEndOffsetAMarkerOrAnAbortedRecordTakes() throws Exception {
        RecordMetadata last;
        try (KafkaProducer<String, ProductStatus> producer = transactional()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(41, State.REQUESTED)).get();
            last = producer.send(record(41, State.REQUESTED)).get();
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(41, State.REQUESTED)).get();
            producer.abortTransaction();
        }
        TopicPartition partition = new TopicPartition(Topics.IMAGE_STATUS, last.partition());

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long end = consumer.endOffsets(java.util.List.of(partition)).get(partition);
            Map<Integer, Long> tails = TailOffsets.of(consumer, Topics.IMAGE_STATUS, Map.of(partition.partition(), end),
                    Duration.ofSeconds(10));

            assertThat(end).as("markers and the aborted record take offsets").isGreaterThan(last.offset() + 1);
            assertThat(tails).containsEntry(partition.partition(), last.offset() + 1);
        }
    }

    @Test
    void aFollowerCatchesUpOnATopicWhoseLastWriteWasACommit() throws Exception {
        long product = 42;
        try (KafkaProducer<String, ProductStatus> producer = transactional()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(product, State.REQUESTED)).get();
            producer.commitTransaction();
        }
        try (StatusFollower follower = new StatusFollower(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            follower.start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!follower.memory().caughtUp() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(follower.memory().caughtUp()).isTrue();
            assertThat(follower.memory().latest(product)).get().extracting(ProductStatus::state).isEqualTo(State.REQUESTED);
        }
    }

    private static ProducerRecord<String, ProductStatus> record(long product, State state) {
        return new ProducerRecord<>(Topics.IMAGE_STATUS, String.valueOf(product),
                new ProductStatus(product, "r-" + UUID.randomUUID(), 1, state, null, null, "test", Instant.now(), null));
    }

    private static KafkaProducer<String, ProductStatus> transactional() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tail-test-" + UUID.randomUUID()), new StringSerializer(),
                new JsonSerializer<>());
    }
}
