package com.catalogimage.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
class ConsumerLagTest {

    @Inject
    ConsumerLag lag;

    @Test
    void aGroupsLagIsTheRecordsPastWhatItCommitted() throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        Map<String, Object> kafka = new HashMap<>(KafkaClientEnvironment.clientConfig());
        kafka.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        try (AdminClient admin = AdminClient.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
            }
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)), Duration.ofSeconds(10));
        }

        assertThat(lag.of(group)).hasValue(3);
        assertThat(lag.of("never-ran-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTransactionsCommitMarkerIsNoLag() throws Exception {
        String topic = "lag-tx-" + UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        Map<String, Object> kafka = new HashMap<>(KafkaClientEnvironment.clientConfig());
        kafka.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        try (AdminClient admin = AdminClient.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put("transactional.id", "lag-test-" + UUID.randomUUID());
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i));
            }
            producer.commitTransaction(); // records at 0-2, the commit marker at 3
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(3)), Duration.ofSeconds(10));
        }
        assertThat(lag.of(group)).hasValue(0);

        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)), Duration.ofSeconds(10));
        }
        assertThat(lag.of(group)).hasValue(2);
    }
}
