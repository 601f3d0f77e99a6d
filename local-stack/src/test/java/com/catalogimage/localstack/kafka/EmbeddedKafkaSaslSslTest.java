package com.catalogimage.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker's SASL_SSL listener through the same environment variables the services read. */
class EmbeddedKafkaSaslSslTest {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary(EmbeddedKafka.Security.SASL_SSL);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void recordsTravelBetweenTwoScramUsersOverTls() throws Exception {
        Map<String, Object> producerConfig = client("image-generator", kafka.scramPassword("image-generator"));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(Topics.GENERATED_IMAGES, String.valueOf(i), "image-" + i)).get();
                sent.add("image-" + i);
            }
        }
        Map<String, Object> consumerConfig = client("blob-uploader", kafka.scramPassword("blob-uploader"));
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "blob-uploader-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.GENERATED_IMAGES));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(kafka.securedEnvironment()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka.saslSslBootstrapServers())
                .doesNotContainKey("KAFKA_SASL_PASSWORD");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageThatSaysSoAndNotThePassword() {
        kafka.scramPassword("catalog-updater");
        String wrong = "not-the-password-" + UUID.randomUUID();
        Map<String, Object> config = client("catalog-updater", wrong);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class)
                    .rootCause().hasMessageContaining("invalid credentials")
                    .hasMessageContaining("SCRAM-SHA-512")
                    .hasMessageNotContaining(wrong);
        }
    }

    @Test
    void thePlaintextListenerStaysForTheQuickStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains(Topics.IMAGE_STATUS);
        }
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, String> env = new HashMap<>(kafka.securedEnvironment());
        env.put(KafkaClientEnvironment.SASL_USERNAME, user);
        env.put(KafkaClientEnvironment.SASL_PASSWORD, password);
        return new HashMap<>(KafkaClientEnvironment.clientConfig(env));
    }
}
