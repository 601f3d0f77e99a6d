package com.catalogimage.uploader;

import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The short delayed-retry topics the test profile names ({@code %test...delayed-retry-topic.topics}), so that a record
 * goes through all its retries in about two seconds instead of eighty.
 */
public class ShortRetryTopics implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TOPICS = List.of("generated-images-retry_300", "generated-images-retry_600",
            "generated-images-retry_900");

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Topics.PARTITIONS, (short) 1)
                            .configs(Map.of("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES))))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot create the test's retry topics", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
