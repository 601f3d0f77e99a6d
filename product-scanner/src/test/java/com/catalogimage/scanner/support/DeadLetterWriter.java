package com.catalogimage.scanner.support;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Writes dead letters the way the stages and SmallRye's dead-letter queue do, and statuses the way stages do. */
public final class DeadLetterWriter {

    private DeadLetterWriter() {
    }

    /** SmallRye's headers (from {@code KafkaDeadLetterQueue}) for a record that failed on {@code topic}. */
    public static Headers smallRyeHeaders(String topic, Exception failure) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-exception-class-name", failure.getClass().getName());
        add(headers, "dead-letter-reason", failure.getMessage());
        if (failure.getCause() != null) {
            add(headers, "dead-letter-cause-class-name", failure.getCause().getClass().getName());
            add(headers, "dead-letter-cause", failure.getCause().getMessage());
        }
        add(headers, "dead-letter-topic", topic);
        add(headers, "dead-letter-partition", "0");
        add(headers, "dead-letter-offset", "42");
        return headers;
    }

    /** SmallRye's headers plus the pipeline's ({@link DeadLetterHeaders}), as a stage's nack adds them. */
    public static Headers stageHeaders(String topic, Exception failure, DeadLetterReason reason, String stage, int attempts) {
        Headers headers = smallRyeHeaders(topic, failure);
        DeadLetterHeaders.of(reason, stage, attempts).forEach(headers::add);
        return headers;
    }

    /** Writes one dead letter; answers its id {@code <partition>-<offset>}. */
    public static String write(long productId, Object value, Headers headers) {
        return writeRaw(productId, new JsonSerializer<>().serialize(Topics.DEAD_LETTERS, value), headers, null);
    }

    /** Writes one dead letter with these value bytes and, when given, this timestamp. */
    public static String writeRaw(long productId, byte[] value, Headers headers, Instant timestamp) {
        RecordMetadata sent = topics().sendRecord(new ProducerRecord<>(Topics.DEAD_LETTERS, null,
                timestamp == null ? null : timestamp.toEpochMilli(), String.valueOf(productId), value, headers));
        return sent.partition() + "-" + sent.offset();
    }

    /** Writes a status to the status topic, as a stage would. */
    public static void status(ProductStatus status) {
        topics().send(Topics.IMAGE_STATUS, String.valueOf(status.productId()), status);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
