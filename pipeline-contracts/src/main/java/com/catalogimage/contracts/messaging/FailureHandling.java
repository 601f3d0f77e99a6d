package com.catalogimage.contracts.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * How a stage hands a failed record to SmallRye's {@code delayed-retry-topic} failure strategy, which every consuming
 * channel uses with {@code dead-letter-queue.topic=image-dead-letters}:
 * <ul>
 *   <li>a transient failure is nacked as it is: SmallRye moves the record to the next retry topic, and to the
 *       dead-letter topic once {@code delayed-retry-topic.max-retries} is used up;</li>
 *   <li>a permanent failure is nacked with {@link #deadLetterNow}: the nack metadata names the dead-letter topic, so
 *       SmallRye sends it there at once, with the pipeline's reason headers.</li>
 * </ul>
 * The stage writes the DEAD_LETTERED status itself before nacking; {@link #isLastAttempt} tells it when a transient
 * failure is the last one.
 */
public final class FailureHandling {

    /** SmallRye's header counting delayed retries of a record. */
    public static final String DELAYED_RETRY_COUNT = "delayed-retry-count";

    private FailureHandling() {
    }

    /** Nack metadata sending the record straight to the dead-letter topic with the pipeline's headers. */
    public static Metadata deadLetterNow(DeadLetterReason reason, String stage, int attempts) {
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(Topics.DEAD_LETTERS)
                .withHeaders(DeadLetterHeaders.of(reason, stage, attempts))
                .build());
    }

    /** How many delayed retries this record has been through (0 on its first delivery). */
    public static int delayedRetries(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getHeaders().lastHeader(DELAYED_RETRY_COUNT))
                .map(Header::value)
                .map(FailureHandling::parseCount)
                .orElse(0);
    }

    /** Whether a transient failure now would send the record to the dead-letter topic rather than a retry topic. */
    public static boolean isLastAttempt(Message<?> message, int maxDelayedRetries) {
        return delayedRetries(message) >= maxDelayedRetries;
    }

    private static int parseCount(byte[] value) {
        try {
            return Integer.parseInt(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
