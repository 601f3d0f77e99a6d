package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.messaging.FailureHandling;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** The consuming channel's delayed-retry settings, as the consumer needs them to decide on a failure. */
@ApplicationScoped
public class DelayedRetries {

    private final List<String> topics;
    private final int maxRetries;

    public DelayedRetries(
            @ConfigProperty(name = "mp.messaging.incoming.generated.delayed-retry-topic.topics") List<String> topics,
            @ConfigProperty(name = "mp.messaging.incoming.generated.delayed-retry-topic.max-retries") int maxRetries) {
        this.topics = List.copyOf(topics);
        this.maxRetries = maxRetries;
    }

    /** Whether a transient failure now is the last one the channel retries. */
    public boolean isLastAttempt(Message<?> message) {
        return FailureHandling.isLastAttempt(message, maxRetries);
    }

    /** How many times this record has been delivered, this delivery included. */
    public static int attempts(Message<?> message) {
        return FailureHandling.delayedRetries(message) + 1;
    }

    /**
     * Nack metadata for a throttled record: the next retry topic, the last one over and over, never the dead-letter
     * topic (naming the topic overrides SmallRye's max-retries). Being throttled is not a failure of the record.
     */
    public Metadata later(Message<?> message) {
        String topic = topics.get(Math.min(FailureHandling.delayedRetries(message), topics.size() - 1));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(topic).build());
    }
}
