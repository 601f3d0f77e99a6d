package com.catalogimage.messaging.status;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * A topic's end offsets, asked of the consumer of the channel that reads it: the channel's own Kafka configuration,
 * security settings (SASL_SSL, say) included, rather than a separate admin client built from the bootstrap servers
 * alone, which cannot connect to a secured cluster. Each end is where the last record delivered to the channel's
 * isolation level lies ({@link TailOffsets}), not the raw end offset a transaction's commit marker pushes past it.
 */
public final class ChannelEndOffsets implements Supplier<Map<Integer, Long>> {

    private static final Logger LOG = Logger.getLogger(ChannelEndOffsets.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClientService clients;
    private final String channel;
    private final String topic;

    public ChannelEndOffsets(KafkaClientService clients, String channel, String topic) {
        this.clients = clients;
        this.channel = channel;
        this.topic = topic;
    }

    /** {@code null} while the channel has no consumer yet or the broker does not answer. */
    @Override
    public Map<Integer, Long> get() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
        if (consumer == null) {
            return null;
        }
        try {
            Map<Integer, Long> ends = consumer.runOnPollingThread(kafka -> {
                var partitions = kafka.partitionsFor(topic, TIMEOUT).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                return kafka.endOffsets(partitions, TIMEOUT).entrySet().stream()
                        .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
            }).await().atMost(TIMEOUT.multipliedBy(3));
            return tails(consumer.configuration(), ends);
        } catch (RuntimeException e) {
            LOG.debugf("End offsets of %s not readable yet: %s", topic, e.getMessage());
            return null;
        }
    }

    /**
     * The tails are read by a consumer of their own, with the channel's configuration (its security settings and
     * isolation level) but no group: seeking the channel's consumer would move the records it delivers.
     */
    private Map<Integer, Long> tails(Map<String, ?> channel, Map<Integer, Long> ends) {
        Map<String, Object> config = new HashMap<>(channel);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, channel) + "-tail");
        try (var tail = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return TailOffsets.of(tail, topic, ends, TIMEOUT);
        }
    }
}
