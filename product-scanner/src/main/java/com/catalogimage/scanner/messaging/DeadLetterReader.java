package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.status.TopicFollower;
import com.catalogimage.scanner.config.DeadLetterConfig;
import com.catalogimage.scanner.messaging.DeadLetter;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the dead-letter topic as it stands at the moment of the call, with a plain consumer (assigned partitions, no
 * group, nothing committed). Not a channel feeding an in-memory view: dead letters from the uploader carry their image
 * (up to 16 MiB), which a view would keep in memory for 30 days, and an operator's listing or replay is rare, so reading
 * on demand costs little and always answers with what is on the topic now, including letters written a moment ago.
 */
@ApplicationScoped
public class DeadLetterReader {

    private final DeadLetterConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    public DeadLetterReader(DeadLetterConfig config) {
        this.config = config;
    }

    /** Every dead letter on the topic now. */
    public List<DeadLetter> readAll() {
        return read(null);
    }

    /** The dead letters at these offsets ({@code partition -> offsets}); offsets not on the topic are left out. */
    public List<DeadLetter> read(Map<Integer, NavigableSet<Long>> offsets) {
        Duration timeout = config.readTimeout();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .filter(partition -> offsets == null || offsets.containsKey(partition.partition()))
                    .toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            // Read each partition from its first wanted offset up to its end offset at call time (exclusive).
            Map<TopicPartition, Long> from = new HashMap<>();
            Map<TopicPartition, Long> until = new HashMap<>();
            for (TopicPartition partition : partitions) {
                NavigableSet<Long> wanted = offsets == null ? null : offsets.get(partition.partition());
                long first = wanted == null ? beginning.get(partition) : Math.max(beginning.get(partition), wanted.first());
                long last = wanted == null ? end.get(partition) : Math.min(end.get(partition), wanted.last() + 1);
                if (first < last) {
                    from.put(partition, first);
                    until.put(partition, last);
                }
            }
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);

            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (until.entrySet().stream().anyMatch(stop -> consumer.position(stop.getKey(), timeout) < stop.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new UnavailableException("the dead-letter topic was not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    boolean inRange = record.offset() < until.get(partition);
                    boolean wanted = offsets == null || offsets.get(record.partition()).contains(record.offset());
                    if (inRange && wanted) {
                        letters.add(DeadLetterParser.parse(record));
                    }
                }
            }
            return letters;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new UnavailableException("the dead-letter topic cannot be read now: " + e.getMessage());
        }
    }

    /** Offsets as a lookup: {@code "3-17"} becomes {@code 3 -> {17}}; ids that are not {@code <partition>-<offset>} are left out. */
    public static Map<Integer, NavigableSet<Long>> offsetsOf(Iterable<String> ids) {
        Map<Integer, NavigableSet<Long>> offsets = new HashMap<>();
        for (String id : ids) {
            parseId(id).ifPresent(coordinates ->
                    offsets.computeIfAbsent(coordinates[0].intValue(), partition -> new TreeSet<>()).add(coordinates[1]));
        }
        return offsets;
    }

    /** {@code "3-17"} as {@code [3, 17]}. */
    public static Optional<Long[]> parseId(String id) {
        if (id == null || !id.matches("\\d{1,9}-\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = id.split("-");
        return Optional.of(new Long[] {Long.valueOf(parts[0]), Long.valueOf(parts[1])});
    }

    private Map<String, Object> consumerConfig() {
        // The connection settings of the channels (bootstrap servers, TLS, SASL), nothing else of theirs.
        Map<String, Object> consumer = TopicFollower.connection(kafkaConfig);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "product-scanner-dead-letters");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Dead letters from the uploader hold a whole image.
        consumer.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        consumer.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return consumer;
    }

    /** The topic could not be read in time: the caller may try again. */
    public static class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
