package com.catalogimage.runner;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the status topic from its beginning: the latest state of every product, and what happened since the run
 * started. It reads the topic the way an operator's console would; the pipeline does not depend on it.
 */
public final class StatusBoard implements AutoCloseable {

    private final Instant since;
    private final Map<Long, ProductStatus> latest = new ConcurrentHashMap<>();
    private final Map<State, Integer> eventsSince = new ConcurrentHashMap<>();
    private final AtomicReference<BigDecimal> costSince = new AtomicReference<>(BigDecimal.ZERO);
    private final List<ProductStatus> history = Collections.synchronizedList(new ArrayList<>());
    private final KafkaConsumer<String, ProductStatus> consumer;
    private final Thread reader;

    public StatusBoard(String bootstrapServers, Instant since) {
        this.since = since;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-runner-status"), new StringDeserializer(), tolerant(new ProductStatusDeserializer()));
        this.reader = new Thread(this::read, "status-board");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IMAGE_STATUS).stream()
                    .map(info -> new TopicPartition(Topics.IMAGE_STATUS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, ProductStatus> record : consumer.poll(Duration.ofMillis(250))) {
                    apply(record.value());
                }
            }
        } catch (WakeupException closing) {
            // close() woke us up
        } finally {
            consumer.close();
        }
    }

    /**
     * A record on the status topic that is not a status (a poison record) is skipped, as the scanner skips it: otherwise
     * the consumer would throw on it at every poll and the board would stop following the topic.
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

    private void apply(ProductStatus status) {
        if (status == null || status.state() == null || status.at() == null) {
            return; // not a status, or one the board cannot place in time
        }
        latest.merge(status.productId(), status, (old, candidate) -> candidate.at().isBefore(old.at()) ? old : candidate);
        if (!status.at().isBefore(since)) {
            history.add(status);
            eventsSince.merge(status.state(), 1, Integer::sum);
            if (status.costUsd() != null) {
                costSince.accumulateAndGet(status.costUsd(), BigDecimal::add);
            }
        }
    }

    /** The latest state of every product the pipeline has touched, ever. */
    public Map<Long, ProductStatus> latest() {
        return Map.copyOf(latest);
    }

    /** How many times each state was reached since the run started. */
    public Map<State, Integer> eventsSince() {
        Map<State, Integer> copy = new EnumMap<>(State.class);
        copy.putAll(eventsSince);
        return copy;
    }

    /** Every status event since the run started, in the order read (per partition, in order). */
    public List<ProductStatus> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** What the images generated since the run started cost at list price. */
    public BigDecimal costSince() {
        return costSince.get();
    }

    /** Products requested and not yet in a final state. */
    public long inFlight() {
        return latest.values().stream().filter(status -> !status.state().isFinal()).count();
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
