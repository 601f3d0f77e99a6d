package com.catalogimage.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

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
    void everyPipelineTopicExistsWithItsPartitionsAndConfigs() throws Exception {
        try (Admin admin = admin()) {
            List<String> names = Topics.all().stream().map(Topics.Spec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (Topics.Spec spec : Topics.all()) {
                assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
            }
            Config status = config(admin, Topics.IMAGE_STATUS);
            assertThat(status.get("cleanup.policy").value()).isEqualTo("compact");
            Config generated = config(admin, Topics.GENERATED_IMAGES);
            assertThat(generated.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(generated.get("max.message.bytes").value()).isEqualTo(String.valueOf(Topics.MAX_MESSAGE_BYTES));
            for (String retry : Topics.retryTopics(Topics.IMAGE_REQUESTS)) {
                assertThat(described.get(retry).partitions()).hasSize(described.get(Topics.IMAGE_REQUESTS).partitions().size());
            }
        }
    }

    @Test
    void producesAndConsumesThroughAConsumerGroup() {
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                String value = "request-" + i;
                producer.send(new ProducerRecord<>(Topics.IMAGE_REQUESTS, String.valueOf(i), value));
                sent.add(value);
            }
        }
        List<String> received = consumeAll(Topics.IMAGE_REQUESTS, "group-" + UUID.randomUUID(), sent.size());
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aRestartedBrokerKeepsItsRecordsAndPorts() {
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.STORED_IMAGES, "1", "before-restart"));
        }
        kafka.stop();
        kafka.startServer();

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(consumeAll(Topics.STORED_IMAGES, "group-" + UUID.randomUUID(), 1)).contains("before-restart");
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeAll(String topic, String group, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
            consumer.commitSync();
        }
        return received;
    }
}
