package com.catalogimage.contracts.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ProductStatus;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Dead-letters a record that could not be read, as the bytes it came with. The delayed-retry strategy's own dead
 * letter would carry the (empty) deserialized payload, so the stage (a subclass bean naming its own "poison-out" channel) writes poison records itself, with the same
 * headers as every other dead letter, then acknowledges them: the partition moves on.
 */
public class PoisonRecords {

    private static final Logger LOG = Logger.getLogger(PoisonRecords.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    /** The original bytes travel as the value; the headers need not repeat them. */
    private static final Set<String> DROPPED = Set.of(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA,
            DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA,
            DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ, DeadLetterHeaders.REASON_CODE,
            DeadLetterHeaders.STAGE, DeadLetterHeaders.ATTEMPTS);

    private final MutinyEmitter<byte[]> deadLetters;

    protected PoisonRecords(MutinyEmitter<byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Sends the record's original bytes to the dead-letter topic with reason POISON, hands the DEAD_LETTERED status to
     * {@code statuses} when the key is a product id, then acknowledges the record.
     */
    public CompletionStage<Void> deadLetter(Message<?> message, String stage, Consumer<ProductStatus> statuses) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Headers in = record.getHeaders();
        byte[] original = bytes(in, DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        String reason = original == null && text(in, DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) == null
                ? "the record has no value"
                : "unreadable record: " + text(in, DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        Headers out = new RecordHeaders();
        for (Header header : in) {
            if (!DROPPED.contains(header.key())) {
                out.add(header);
            }
        }
        DeadLetterHeaders.of(DeadLetterReason.POISON, stage, 0).forEach(out::add);
        out.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        out.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        out.add("dead-letter-partition", String.valueOf(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        out.add("dead-letter-offset", String.valueOf(record.getOffset()).getBytes(StandardCharsets.UTF_8));
        String key = record.getKey() == null ? null : record.getKey().toString();
        LOG.warnf("Poison record %s-%d@%d (key %s) dead-lettered: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), key, reason);
        deadLetters.sendMessage(Message.of(original,
                        Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(out).build())))
                .await().atMost(SEND_TIMEOUT);
        Long productId = productId(key);
        if (productId != null) {
            statuses.accept(new ProductStatus(productId, null, 0, ProductStatus.State.DEAD_LETTERED,
                    DeadLetterReason.POISON.code(), reason, stage, Instant.now(), null));
        }
        return message.ack();
    }

    private static byte[] bytes(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(Headers headers, String name) {
        byte[] value = bytes(headers, name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Long productId(String key) {
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
