package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.Topics;
import com.catalogimage.generator.service.PaidImages;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.messaging.shutdown.InFlightWork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A second member joins the generator's consumer group (a plain Kafka consumer standing in for another replica) while
 * the generator has calls in flight on every partition but two: the partitions it gets are handed over only once the
 * generator's records of theirs are published and in the ledger, and nothing is paid for twice when they come back.
 * A profile of its own: the group's membership changes.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(RebalanceHandOverTest.OwnApplication.class)
class RebalanceHandOverTest {

    public static class OwnApplication implements QuarkusTestProfile {
    }

    private static final int PARTITIONS = 6;

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    InFlightWork<TopicPartition> work;

    @Inject
    PaidImages paidImages;

    @Test
    void partitionsMoveOnlyOnceTheirRecordsInFlightArePublishedAndNothingIsPaidForTwice() {
        List<ImageRequest> requests = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            requests.add(request(partition));
        }
        // what the joiner's partitions held when it got them: request id -> paid for, and published
        Map<String, String> atHandOver = new ConcurrentHashMap<>();
        emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ofSeconds(4)));
        try {
            requests.forEach(request -> topics().send(Topics.IMAGE_REQUESTS, key(request), request));
            // GENERATOR_CONCURRENCY (4) calls drawing, two records waiting for a worker
            await().atMost(Duration.ofSeconds(30)).until(() -> work.inFlight() == 4);

            try (KafkaConsumer<byte[], byte[]> joiner = joiner()) {
                joiner.subscribe(List.of(Topics.IMAGE_REQUESTS), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        for (TopicPartition partition : partitions) {
                            ImageRequest request = requests.get(partition.partition());
                            atHandOver.put(request.requestId(), "paid "
                                    + emulator.stats().generationsForRequestId(request.requestId())
                                    + ", published " + paidImages.published(request.requestId()));
                        }
                    }

                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }
                });
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (atHandOver.isEmpty() && System.nanoTime() < deadline) {
                    joiner.poll(Duration.ofMillis(200));
                }
            } // leaves the group without committing: the generator gets its partitions back

            assertThat(atHandOver).as("the joiner got partitions").isNotEmpty();
            // 4 of 6 partitions had a call drawing: of the joiner's (half of them) at least one was among them
            assertThat(atHandOver.values()).as("what the joiner's partitions held when they moved")
                    .allMatch(held -> held.equals("paid 0, published false") || held.equals("paid 1, published true"))
                    .contains("paid 1, published true");

            await().atMost(Duration.ofSeconds(60)).until(() -> requests.stream()
                    .allMatch(request -> paidImages.published(request.requestId())));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> work.inFlight() == 0);
            assertThat(requests).as("each request paid for once, the redelivered ones skipped as duplicates")
                    .allMatch(request -> emulator.stats().generationsForRequestId(request.requestId()) == 1);
        } finally {
            emulator.configure(ImageApiEmulator.Config.change().withLatency(Duration.ZERO));
        }
    }

    private static KafkaConsumer<byte[], byte[]> joiner() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "image-generator",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A request whose product id the producer's default partitioner puts on this partition. */
    private static ImageRequest request(int partition) {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        } while (Utils.toPositive(Utils.murmur2(String.valueOf(id).getBytes(StandardCharsets.UTF_8))) % PARTITIONS
                != partition);
        Product product = new Product(id, "Oak Side Table " + partition, "Solid oak side table, oiled, 50 cm.", 3,
                "Home", null);
        return new ImageRequest(UUID.randomUUID().toString(), product, 1, null, Origin.SCAN, Instant.now());
    }

    private static String key(ImageRequest request) {
        return String.valueOf(request.product().id());
    }
}
