package com.catalogimage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientEnvironmentTest {

    @Test
    void unsetIsPlaintextToTheQuickStartsBroker() {
        assertThat(KafkaClientEnvironment.clientConfig(Map.of())).containsExactly(
                Map.entry("bootstrap.servers", "localhost:9092"), Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void aUsernameAndPasswordBecomeAScramLoginOverTls() {
        Map<String, Object> config = KafkaClientEnvironment.clientConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "image-generator", "KAFKA_SASL_PASSWORD", "pa\"ss\\word",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));
        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"image-generator\" password=\"pa\\\"ss\\\\word\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
                .containsEntry("ssl.truststore.type", "PEM")
                .doesNotContainKey("ssl.truststore.password");
    }

    @Test
    void aWholeJaasLineWinsAsEventHubsNeedsIt() {
        String eventHubs = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"$ConnectionString\""
                + " password=\"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=s\";";
        Map<String, Object> config = KafkaClientEnvironment.clientConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "ns.servicebus.windows.net:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN", "KAFKA_SASL_JAAS_CONFIG", eventHubs, "KAFKA_SASL_USERNAME", "ignored"));
        assertThat(config).containsEntry("sasl.mechanism", "PLAIN").containsEntry("sasl.jaas.config", eventHubs)
                .doesNotContainKey("ssl.truststore.location");
    }

    @Test
    void plaintextIgnoresLoginsAndTrustStores() {
        assertThat(KafkaClientEnvironment.clientConfig(Map.of("KAFKA_SASL_PASSWORD", "x",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/ca.crt"))).doesNotContainKeys("sasl.jaas.config",
                "ssl.truststore.location");
    }
}
