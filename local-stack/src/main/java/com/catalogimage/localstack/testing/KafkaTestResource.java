package com.catalogimage.localstack.testing;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;

/**
 * A real Kafka broker for a service test, with every pipeline topic created. Uses the broker in
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set (a container or a cluster), with the security settings of the other
 * {@link KafkaClientEnvironment} variables, else one embedded in the test JVM.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String EXTERNAL_BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /** The bootstrap servers tests should use, starting the embedded broker if needed. */
    public static String bootstrapServers() {
        String external = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            EmbeddedKafka.createTopics(KafkaClientEnvironment.clientConfig(), Topics.all());
            return external;
        }
        return embedded().bootstrapServers();
    }

    /**
     * SmallRye's Kafka companion on the same broker, shared by the module's test classes: how tests write records,
     * read topics ({@link TopicRecords}) and create topics. Needs the companion on the test class path
     * ({@code io.quarkus:quarkus-test-kafka-companion}).
     */
    public static KafkaCompanion companion() {
        String bootstrapServers = bootstrapServers(); // outside get(): it may start the broker through get() itself
        return SharedInfrastructure.get(KafkaCompanion.class, () -> {
            KafkaCompanion companion = new KafkaCompanion(bootstrapServers);
            if (System.getenv(EXTERNAL_BOOTSTRAP_ENV) != null && !System.getenv(EXTERNAL_BOOTSTRAP_ENV).isBlank()) {
                companion.setCommonClientConfig(KafkaClientEnvironment.clientConfig()); // the cluster's security
            }
            return companion;
        });
    }

    /** The pipeline's topics as tests read and write them, through {@link #companion()}. */
    public static TopicRecords topics() {
        return new TopicRecords(companion());
    }

    /** The embedded broker itself, for tests that restart it. */
    public static EmbeddedKafka embedded() {
        return SharedInfrastructure.get(EmbeddedKafka.class, EmbeddedKafka::startTemporary);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by the module's test classes; closed when the JVM exits
    }
}
