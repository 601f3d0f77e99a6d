package com.catalogimage.messaging.status;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Feeds a {@link StatusMemory} from the status topic in a process that has no SmallRye channel: the runner behind
 * {@code ./pipeline} and its tests are plain Java, not Quarkus, so this one reader is written by hand. It reads every
 * partition from the beginning on its own thread, with no consumer group and no commits, through the one client
 * configuration it is given (bootstrap servers and any security settings), which also answers the end offsets.
 */
public final class StatusFollower implements AutoCloseable {

    private final KafkaConsumer<String, ProductStatus> consumer;
    private final StatusMemory memory;
    private final Thread reader;
    private final Map<Integer, Long> endOffsets = new ConcurrentHashMap<>();
    private volatile boolean endKnown;

    /**
     * @param kafka the client configuration: at least {@code bootstrap.servers}; security settings as the cluster wants
     */
    public StatusFollower(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "status-follower");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Statuses of an aborted transaction (the scanner's REQUESTED with its request) never happened.
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), tolerant(new ProductStatusDeserializer()));
        this.memory = new StatusMemory(() -> endKnown ? Map.copyOf(endOffsets) : null);
        this.reader = new Thread(this::read, "status-follower");
        reader.setDaemon(true);
    }

    /** The memory this follower feeds; add listeners before {@link #start()}. */
    public StatusMemory memory() {
        return memory;
    }

    public StatusFollower start() {
        reader.start();
        return this;
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IMAGE_STATUS).stream()
                    .map(info -> new TopicPartition(Topics.IMAGE_STATUS, info.partition())).toList();
            Map<Integer, Long> ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
            endOffsets.putAll(TailOffsets.of(consumer, Topics.IMAGE_STATUS, ends, Duration.ofSeconds(30)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            endKnown = true;
            while (!Thread.currentThread().isInterrupted()) {
                memory.apply(consumer.poll(Duration.ofMillis(250)));
            }
        } catch (WakeupException closing) {
            // close() woke us up
        } finally {
            consumer.close();
        }
    }

    /**
     * A record on the status topic that is not a status (a poison record) reaches the memory as null, as it does in the
     * services: otherwise the consumer would throw on it at every poll and stop following the topic.
     */
    static Deserializer<ProductStatus> tolerant(Deserializer<ProductStatus> statuses) {
        return (topic, data) -> {
            try {
                return statuses.deserialize(topic, data);
            } catch (SerializationException poison) {
                return null;
            }
        };
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
