package com.catalogimage.messaging.failure;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * The first half of the poison path, for every consuming channel
 * ({@code value-deserialization-failure-handler=poison}): a record that cannot be read reaches the consumer with no
 * payload instead of failing the channel, its cause and original bytes in SmallRye's {@code deserialization-failure-*}
 * headers. The consumer then hands it to {@link FailurePolicy#poison}, whose nack sends it through SmallRye's own
 * dead-letter producer, which writes those original bytes rather than the missing payload.
 */
@ApplicationScoped
@Identifier(PoisonHandler.NAME)
public class PoisonHandler implements DeserializationFailureHandler<Object> {

    public static final String NAME = "poison";
    private static final Logger LOG = Logger.getLogger(PoisonHandler.class);

    @Override
    public Object handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        LOG.warnf("Unreadable record on %s (%d bytes): %s", topic, data == null ? 0 : data.length, exception.getMessage());
        DeserializationFailureHandler.addFailureDetailsToHeaders(deserializer, topic, isKey, headers, data, exception);
        return null;
    }
}
