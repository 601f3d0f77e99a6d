package com.catalogimage.messaging.status;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Feeds a {@link StatusMemory} from the status topic in a process that has no SmallRye channel (the runner behind
 * {@code ./pipeline} and its tests are plain Java, not Quarkus): a {@link TopicFollower} of the status topic. A record
 * that is not a status (a poison record) reaches the memory as null, as it does in the services.
 */
public final class StatusFollower implements AutoCloseable {

    private final StatusMemory memory;
    private final TopicFollower<ProductStatus> follower;

    /**
     * @param kafka the client configuration: at least {@code bootstrap.servers}; security settings as the cluster wants
     */
    public StatusFollower(Map<String, Object> kafka) {
        // Each asks the other only once reading has started, after both are set.
        this.memory = new StatusMemory(this::endOffsets);
        this.follower = new TopicFollower<>(kafka, Topics.IMAGE_STATUS, "status-follower", new ProductStatusDeserializer(),
                this::apply);
    }

    private Map<Integer, Long> endOffsets() {
        return follower.endOffsets();
    }

    private void apply(ConsumerRecords<String, ProductStatus> records) {
        memory.apply(records);
    }

    /** The memory this follower feeds; add listeners before {@link #start()}. */
    public StatusMemory memory() {
        return memory;
    }

    public StatusFollower start() {
        follower.start();
        return this;
    }

    @Override
    public void close() {
        follower.close();
    }
}
