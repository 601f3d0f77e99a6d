package com.catalogimage.generator.testing;

import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Short-delay retry topics for the tests (see %test delayed-retry-topic.topics): 0.2, 0.4 and 0.8 s. */
public class RetryTopicsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TOPICS =
            List.of("image-requests_retry_200", "image-requests_retry_400", "image-requests_retry_800");

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            for (String topic : TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test retry topics", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
