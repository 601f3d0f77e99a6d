package com.catalogimage.messaging.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a reader has read a topic to its end. The end offset is not it once the topic holds transactions (the scanner
 * writes REQUESTED and its request in one): a transaction's commit marker takes an offset and is never delivered, so a
 * reader waiting for the record at {@code end - 1} would wait forever on a partition whose last write was a commit. The
 * target is one past the last record a reader with the same isolation level gets, found by reading the partition's
 * tail with a consumer of its own.
 */
public final class TailOffsets {

    /** The first look at a tail: a commit marker or a few aborted records take a handful of offsets. */
    private static final int FIRST_WINDOW = 32;

    private TailOffsets() {
    }

    /**
     * For each partition of {@code ends}, the offset after its last readable record below the end offset, or 0 when
     * there is none (nothing to wait for). {@code consumer} is used and left assigned to the last partition read: give
     * it no group, or one whose position does not matter.
     */
    public static Map<Integer, Long> of(Consumer<?, ?> consumer, String topic, Map<Integer, Long> ends, Duration timeout) {
        Map<Integer, Long> targets = new HashMap<>();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            TopicPartition partition = new TopicPartition(topic, end.getKey());
            long begin = consumer.beginningOffsets(List.of(partition), timeout).getOrDefault(partition, 0L);
            targets.put(end.getKey(), end.getValue() <= begin ? 0 : lastRecordEnd(consumer, partition, begin, end.getValue(), timeout));
        }
        return Map.copyOf(targets);
    }

    private static long lastRecordEnd(Consumer<?, ?> consumer, TopicPartition partition, long begin, long end,
            Duration timeout) {
        consumer.assign(List.of(partition));
        long window = FIRST_WINDOW;
        while (true) {
            long from = Math.max(begin, end - window);
            consumer.seek(partition, from);
            long last = -1;
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the tail of " + partition + " could not be read within " + timeout);
                }
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                    if (record.offset() < end) {
                        last = Math.max(last, record.offset());
                    }
                }
            }
            if (last >= 0) {
                return last + 1;
            }
            if (from == begin) {
                return 0;
            }
            window *= 16;
        }
    }
}
