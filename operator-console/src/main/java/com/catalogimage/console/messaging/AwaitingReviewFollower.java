package com.catalogimage.console.messaging;

import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.StoredImageDeserializer;
import com.catalogimage.messaging.status.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Each product's image waiting for a reviewer: the compacted {@code images-awaiting-review} topic (key product id,
 * value the uploader's pending {@code StoredImage}, its private URL), read from the start at every start and then
 * followed, by the pipeline's one plain reader of a whole topic. Only the latest record of a product counts; whether it
 * is still waiting is the status memory's to say (AWAITING_REVIEW for its request), since a decided image stays on this
 * topic until a newer one replaces it. A tombstone or an unreadable record forgets the product's image.
 */
@ApplicationScoped
public class AwaitingReviewFollower {

    private final Map<Long, StoredImage> pending = new ConcurrentHashMap<>();
    private TopicFollower<StoredImage> follower;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void start(@Observes StartupEvent start) {
        follower = new TopicFollower<>(TopicFollower.connection(kafka), Topics.IMAGES_AWAITING_REVIEW,
                "operator-console-awaiting-review", new StoredImageDeserializer(), this::apply).start();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (follower != null) {
            follower.close();
        }
    }

    void apply(ConsumerRecords<String, StoredImage> records) {
        for (ConsumerRecord<String, StoredImage> record : records) {
            Long productId = productId(record.key());
            if (productId == null) {
                continue;
            }
            if (record.value() == null || record.value().request() == null) {
                pending.remove(productId);
            } else {
                pending.put(productId, record.value());
            }
        }
    }

    /** The image the product's latest record on the topic holds. */
    public Optional<StoredImage> image(long productId) {
        return Optional.ofNullable(pending.get(productId));
    }

    /** Whether the topic has been read to where it ended at the start. */
    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }

    private static Long productId(String key) {
        try {
            return key == null ? null : Long.valueOf(key.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
