package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.ImageRequest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

/**
 * A record on {@code image-requests} that is not an image request. SmallRye's delayed-retry strategy hands it on with
 * no payload; the failure details added here (cause, and the original bytes, which the dead-letter producer sends
 * instead of the missing payload) go along. {@link RequestConsumer} then dead-letters it as POISON with a status, since
 * the key (the product id) is known there.
 */
@ApplicationScoped
@Identifier(PoisonRequestHandler.NAME)
public class PoisonRequestHandler implements DeserializationFailureHandler<ImageRequest> {

    static final String NAME = "poison-image-requests";

    @Override
    public ImageRequest handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        DeserializationFailureHandler.addFailureDetailsToHeaders(deserializer, topic, isKey, headers, data, exception);
        return null;
    }
}
