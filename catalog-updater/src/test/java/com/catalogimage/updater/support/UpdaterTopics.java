package com.catalogimage.updater.support;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.testing.KafkaTestResource;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The updater's topics through the shared companion: stored images written as the uploader does, what came out. */
public final class UpdaterTopics {

    private UpdaterTopics() {
    }

    public static void sendStored(StoredImage stored) {
        KafkaTestResource.topics().send(Topics.STORED_IMAGES, String.valueOf(stored.request().product().id()), stored);
    }

    /** The statuses written for one product, oldest first. */
    public static List<ProductStatus> statuses(long productId) {
        return KafkaTestResource.topics().values(Topics.IMAGE_STATUS, String.valueOf(productId),
                new ProductStatusDeserializer());
    }

    /** The dead letters of one product, in offset order (one partition per key), values as they are. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(long productId) {
        return KafkaTestResource.topics().read(Topics.DEAD_LETTERS, String.valueOf(productId),
                new ByteArrayDeserializer());
    }
}
