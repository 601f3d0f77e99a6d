package com.catalogimage.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Reads src/test/resources/application.properties, as a service's test would read the service's own. */
class RetryTopicsTestResourceTest {

    @Test
    void createsTheTestProfilesRetryTopicsShapedLikeTheirSourceTopics() throws Exception {
        RetryTopicsTestResource resource = new RetryTopicsTestResource();
        assertThat(resource.start()).isEmpty();
        resource.start(); // a second test class with the same resource: the topics exist already

        var companion = KafkaTestResource.companion();
        assertThat(companion.topics().list()).contains("stored-images-retry_111", "stored-images-retry_222",
                "image-requests_retry_333").doesNotContain("stored-images-retry_99999");
        Map<String, TopicDescription> described = companion.topics().describe("stored-images-retry_111",
                "stored-images-retry_222", "image-requests_retry_333");
        assertThat(described.get("stored-images-retry_111").partitions()).hasSize(partitions(Topics.STORED_IMAGES));
        assertThat(described.get("stored-images-retry_222").partitions()).hasSize(partitions(Topics.STORED_IMAGES));
        assertThat(described.get("image-requests_retry_333").partitions()).hasSize(partitions(Topics.IMAGE_REQUESTS));
        ConfigResource retry = new ConfigResource(ConfigResource.Type.TOPIC, "stored-images-retry_111");
        Config config = companion.getOrCreateAdminClient().describeConfigs(List.of(retry)).all().get().get(retry);
        assertThat(config.get("max.message.bytes").value()).isEqualTo(String.valueOf(Topics.MAX_MESSAGE_BYTES));
    }

    private static int partitions(String topic) {
        return Topics.all().stream().filter(spec -> spec.name().equals(topic)).findFirst().orElseThrow().partitions();
    }
}
