package com.catalogimage.uploader.messaging;

import com.catalogimage.messaging.failure.PoisonHandler;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

/**
 * The shared {@link PoisonHandler} for the review-decisions channel, minus SmallRye's {@code deserialization-failure-dlq}
 * flag. That channel uses the plain dead-letter-queue strategy (decisions have no delayed-retry topics), and with it
 * SmallRye dead-letters a flagged record by itself, before the consumer sees it, without the pipeline's dead-letter
 * headers (reason code, stage). Unflagged, the record reaches the consumer with no payload and goes through
 * {@code FailurePolicy.poison} like every other stage's poison; the dead-letter producer still writes its original
 * bytes (it finds them in the other {@code deserialization-failure-*} headers).
 */
@ApplicationScoped
@Identifier(DecisionPoisonHandler.NAME)
public class DecisionPoisonHandler implements DeserializationFailureHandler<Object> {

    public static final String NAME = "poison-decision";
    /** SmallRye's flag: "dead-letter this record yourself". */
    static final String DLQ_FLAG = "deserialization-failure-dlq";

    private final PoisonHandler poison;

    public DecisionPoisonHandler(@Identifier(PoisonHandler.NAME) PoisonHandler poison) {
        this.poison = poison;
    }

    @Override
    public Object handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        Object none = poison.handleDeserializationFailure(topic, isKey, deserializer, data, exception, headers);
        headers.remove(DLQ_FLAG);
        return none;
    }
}
