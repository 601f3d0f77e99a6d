package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.contracts.serde.ImageRequestDeserializer;
import com.catalogimage.contracts.serde.PaidGenerationDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Requests in, images, statuses, dead letters and ledger entries out: the quality tests' plumbing. */
final class QualityFlow {

    static final Duration WAIT = Duration.ofSeconds(30);

    private QualityFlow() {
    }

    /** A product whose name carries a term of its own, for a vision rule that matches this product only. */
    static ImageRequest request(String term) {
        Product product = new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE),
                "Lava Lamp " + term, "A lava lamp with a chrome base and a red glass globe.", 5, "Lighting", null);
        return new ImageRequest(UUID.randomUUID().toString(), product, 1, null, ImageRequest.Origin.SCAN, Instant.now());
    }

    static String term() {
        return "Q" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    static String send(ImageRequest request) {
        String key = String.valueOf(request.product().id());
        topics().send(Topics.IMAGE_REQUESTS, key, request);
        return key;
    }

    static GeneratedImage awaitImage(String key) {
        return topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT).get(0).value();
    }

    static ProductStatus awaitStatus(String key, ProductStatus.State state) {
        List<ConsumerRecord<String, ProductStatus>> statuses =
                topics().await(Topics.IMAGE_STATUS, key, new ProductStatusDeserializer(), 1, WAIT);
        ProductStatus status = statuses.get(statuses.size() - 1).value();
        assertThat(status.state()).isEqualTo(state);
        return status;
    }

    static ConsumerRecord<String, ImageRequest> awaitDeadLetter(String key) {
        return topics().await(Topics.DEAD_LETTERS, key, new ImageRequestDeserializer(), 1, WAIT).get(0);
    }

    /** The request id's latest ledger entry. */
    static PaidGeneration ledger(String requestId) {
        List<PaidGeneration> entries = topics().values(Topics.PAID_GENERATIONS, requestId, new PaidGenerationDeserializer());
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
