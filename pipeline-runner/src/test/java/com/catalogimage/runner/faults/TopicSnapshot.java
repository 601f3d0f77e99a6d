package com.catalogimage.runner.faults;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.PaidGenerationDeserializer;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.localstack.testing.TopicRecords;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/** Reads a whole topic as it is now (beginning to end), and writes raw records: the matrix's view of Kafka. */
final class TopicSnapshot {

    /** One dead letter: the original record's key and value, and the headers the stage and SmallRye added. */
    record DeadLetter(String key, byte[] value, Map<String, String> headers) {
        String reasonCode() {
            return headers.getOrDefault(DeadLetterHeaders.REASON_CODE, "?");
        }

        String stage() {
            return headers.getOrDefault(DeadLetterHeaders.STAGE, "?");
        }

        /** The topic the record came from, under either SmallRye strategy. */
        String sourceTopic() {
            return headers.getOrDefault("dead-letter-topic", headers.getOrDefault("delayed-retry-topic", "?"));
        }
    }

    private TopicSnapshot() {
    }

    /** Every status event on the status topic, in partition order; records that are not statuses are left out. */
    static List<ProductStatus> statuses(String bootstrap) {
        ProductStatusDeserializer deserializer = new ProductStatusDeserializer();
        List<ProductStatus> statuses = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, Topics.IMAGE_STATUS)) {
            try {
                ProductStatus status = deserializer.deserialize(Topics.IMAGE_STATUS, record.value());
                if (status != null && status.state() != null && status.at() != null) {
                    statuses.add(status);
                }
            } catch (SerializationException poison) {
                // a poison record the matrix wrote itself
            }
        }
        return statuses;
    }

    /** Every entry of the generator's ledger (request id to product), in partition order; unreadable ones left out. */
    static List<PaidGeneration> paidGenerations(String bootstrap) {
        PaidGenerationDeserializer deserializer = new PaidGenerationDeserializer();
        List<PaidGeneration> entries = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, Topics.PAID_GENERATIONS)) {
            try {
                PaidGeneration paid = deserializer.deserialize(Topics.PAID_GENERATIONS, record.value());
                if (paid != null && paid.requestId() != null) {
                    entries.add(paid);
                }
            } catch (SerializationException poison) {
                // not a ledger entry
            }
        }
        return entries;
    }

    static List<DeadLetter> deadLetters(String bootstrap) {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, Topics.DEAD_LETTERS)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            letters.add(new DeadLetter(record.key(), record.value(), headers));
        }
        return letters;
    }

    /** Every record on a topic now, values as they are. */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrap, String topic) {
        return read(bootstrap, topic);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            return new TopicRecords(companion).read(topic);
        }
    }

    /** Writes records as they are given, bypassing every serializer: how a poison record gets onto a topic. */
    /**
     * Writes each key's latest record of {@code topic} again, as it was: nothing changes for a reader, but every
     * partition gets a new record, so the broker rolls a segment older than {@code segment.ms} and its cleaner may
     * compact what was written before (it never compacts the active segment).
     */
    static int rewriteLatest(String bootstrap, String topic) {
        Map<String, byte[]> latest = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : read(bootstrap, topic)) {
            if (record.key() != null && record.value() != null) {
                latest.put(record.key(), record.value());
            }
        }
        writeRaw(bootstrap, topic, latest);
        return latest.size();
    }

    static void writeRaw(String bootstrap, String topic, Map<String, byte[]> keyedValues) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            TopicRecords topics = new TopicRecords(companion);
            keyedValues.forEach((key, value) -> topics.sendBytes(topic, key, value));
        }
    }
}
