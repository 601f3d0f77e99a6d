package com.catalogimage.messaging.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning and then follows it, on its own thread, with no consumer group and no commits:
 * the way a process rebuilds a memory from a topic when it has no SmallRye channel for it (the runner is plain Java; the
 * operator console follows topics it never consumes as a stage). Through the one client configuration it is given
 * (bootstrap servers and any security settings), which also answers the end offsets. Read committed: records of an
 * aborted transaction never happened. A record whose value cannot be read reaches the sink with a null value, as a
 * tombstone does, so one poison record cannot stop the following.
 *
 * @param <V> the values' type
 */
public final class TopicFollower<V> implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final Consumer<ConsumerRecords<String, V>> sink;
    private final Thread reader;
    private final Map<Integer, Long> endOffsets = new ConcurrentHashMap<>();
    private final CatchUp catchUp;
    private volatile boolean endKnown;

    /**
     * @param kafka  the client configuration: at least {@code bootstrap.servers}; security settings as the cluster wants
     * @param name   the client id and the thread's name
     * @param values how to read a value
     * @param sink   told of each poll's records, on the follower's thread
     */
    public TopicFollower(Map<String, Object> kafka, String topic, String name, Deserializer<V> values,
            Consumer<ConsumerRecords<String, V>> sink) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), tolerant(values));
        this.sink = sink;
        this.catchUp = new CatchUp(this::endOffsets);
        this.reader = new Thread(this::read, name);
        reader.setDaemon(true);
    }

    /**
     * The connection settings (bootstrap servers, TLS, SASL) of a Quarkus service's Kafka configuration (the
     * {@code default-kafka-broker} map), nothing of its channels' other settings: what a plain consumer of its own needs.
     * A new map, free to add to.
     */
    public static Map<String, Object> connection(Map<String, Object> kafka) {
        Map<String, Object> connection = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (key.equals(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.") || key.startsWith("ssl.")
                    || key.startsWith("sasl.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }

    /** The topic's end offsets per partition when the follower started (as readers see them), or null until known. */
    public Map<Integer, Long> endOffsets() {
        return endKnown ? Map.copyOf(endOffsets) : null;
    }

    /** Whether the topic has been read up to where it ended at the start. */
    public boolean caughtUp() {
        return catchUp.caughtUp();
    }

    public TopicFollower<V> start() {
        reader.start();
        return this;
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<Integer, Long> ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
            endOffsets.putAll(TailOffsets.of(consumer, topic, ends, Duration.ofSeconds(30)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            endKnown = true;
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(250));
                sink.accept(records);
                records.forEach(record -> catchUp.consumed(record.partition(), record.offset()));
            }
        } catch (WakeupException closing) {
            // close() woke us up
        } finally {
            consumer.close();
        }
    }

    /** A value that cannot be read becomes null, or the consumer would throw on it at every poll. */
    static <V> Deserializer<V> tolerant(Deserializer<V> values) {
        return (topic, data) -> {
            try {
                return values.deserialize(topic, data);
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
