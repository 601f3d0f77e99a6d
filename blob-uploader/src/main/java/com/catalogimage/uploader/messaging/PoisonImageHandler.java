package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.GeneratedImage;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * A record on {@code generated-images} that is not a generated image. SmallRye has already put the failure and the
 * original bytes into the record's {@code deserialization-failure-*} headers; returning null hands the record on with
 * an empty payload instead of failing the channel, and the consumer dead-letters it as POISON
 * ({@link PoisonRecords}). With the delayed-retry strategy SmallRye does not dead-letter it itself (only its
 * dead-letter-queue strategy does).
 */
@ApplicationScoped
@Identifier(PoisonImageHandler.NAME)
public class PoisonImageHandler implements DeserializationFailureHandler<GeneratedImage> {

    static final String NAME = "poison-generated-images";
    private static final Logger LOG = Logger.getLogger(PoisonImageHandler.class);

    @Override
    public GeneratedImage handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        LOG.warnf("Unreadable record on %s (%d bytes): %s", topic, data == null ? 0 : data.length, exception.getMessage());
        return null;
    }
}
