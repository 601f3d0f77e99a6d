package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.StoredImage;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * A record on {@code stored-images} that is not a stored image. SmallRye has already put the failure and the
 * original bytes into the record's {@code deserialization-failure-*} headers; returning null hands the record on with
 * an empty payload instead of failing the channel, and the consumer dead-letters it as POISON
 * ({@link PoisonRecords}). With the delayed-retry strategy SmallRye does not dead-letter it itself (only its
 * dead-letter-queue strategy does).
 */
@ApplicationScoped
@Identifier(PoisonStoredImageHandler.NAME)
public class PoisonStoredImageHandler implements DeserializationFailureHandler<StoredImage> {

    static final String NAME = "poison-stored-images";
    private static final Logger LOG = Logger.getLogger(PoisonStoredImageHandler.class);

    @Override
    public StoredImage handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        LOG.warnf("Unreadable record on %s (%d bytes): %s", topic, data == null ? 0 : data.length, exception.getMessage());
        return null;
    }
}
