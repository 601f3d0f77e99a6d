package com.catalogimage.console.client;

import com.catalogimage.messaging.status.TailOffsets;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each stage's consumer group is behind: per partition it has committed, the end offset minus the committed
 * offset, summed. Through an admin client of the service's own Kafka configuration (the {@code kafka.*} properties,
 * security settings included), so a secured cluster is reached as the channels reach it.
 *
 * <p>The end offset alone overstates it: the scanner writes requests in transactions, and each commit marker takes an
 * offset no consumer ever gets, so an idle generator would show a lag of its partitions' trailing markers. Where the
 * group is behind the end, the partition's last readable record ({@link TailOffsets}, read committed) is the end.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final long TIMEOUT_SECONDS = 5;

    private final Map<String, Object> config;
    private final Map<String, Object> tailConfig = new HashMap<>();
    private volatile AdminClient admin;
    private KafkaConsumer<byte[], byte[]> tails;

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "operator-console-lag");
        // Both: the admin client refuses a default.api.timeout.ms set below request.timeout.ms (30 s by default), and
        // then every lag read failed and showed "-".
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        this.config = config;
        kafka.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                tailConfig.put(key, value);
            }
        });
        tailConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        tailConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "operator-console-lag-tails");
        tailConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        tailConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    /** The group's lag; empty when it has committed nothing (never ran) or the broker does not answer in time. */
    public synchronized OptionalLong of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = committed.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> OffsetSpec.latest()));
            if (partitions.isEmpty()) {
                return OptionalLong.empty();
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(partitions).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (var entry : partitions.keySet()) {
                long end = ends.get(entry).offset();
                long at = committed.get(entry).offset();
                if (end > at) {
                    long tail = TailOffsets.of(tails(), entry.topic(), Map.of(entry.partition(), end),
                            Duration.ofSeconds(TIMEOUT_SECONDS)).get(entry.partition());
                    lag += Math.max(0, tail - at);
                }
            }
            return OptionalLong.of(lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    private AdminClient admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(config);
                }
            }
        }
        return admin;
    }

    private KafkaConsumer<byte[], byte[]> tails() {
        if (tails == null) {
            tails = new KafkaConsumer<>(tailConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return tails;
    }

    @PreDestroy
    synchronized void close() {
        if (tails != null) {
            tails.close();
        }
        if (admin != null) {
            admin.close();
        }
    }
}
