package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ImageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * A record on {@code image-requests} that is not an image request. With the dead-letter strategy SmallRye sends such a
 * record to the dead-letter topic itself, as it came, before the generator sees it; this handler adds the pipeline's
 * own dead-letter headers (reason POISON, stage, 0 attempts), which the dead-letter topic copies from the record. No
 * status is written: the product id is only in the key, which is not available here, and the scanner requests a
 * product stuck in REQUESTED again after its in-flight timeout, which is what a poison request deserves.
 */
@ApplicationScoped
@Identifier(PoisonRequestHandler.NAME)
public class PoisonRequestHandler implements DeserializationFailureHandler<ImageRequest> {

    static final String NAME = "poison-image-requests";
    private static final Logger LOG = Logger.getLogger(PoisonRequestHandler.class);

    private final MeterRegistry metrics;

    public PoisonRequestHandler(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public ImageRequest handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        DeserializationFailureHandler.addFailureDetailsToHeaders(deserializer, topic, isKey, headers, data, exception);
        DeadLetterHeaders.of(DeadLetterReason.POISON, ImagePublisher.STAGE, 0).forEach(headers::add);
        metrics.counter("generator.requests", "outcome", "dead-lettered", "reason", DeadLetterReason.POISON.name())
                .increment();
        LOG.warnf("Poison record on %s dead-lettered: %s", topic, exception.getMessage());
        return null;
    }
}
