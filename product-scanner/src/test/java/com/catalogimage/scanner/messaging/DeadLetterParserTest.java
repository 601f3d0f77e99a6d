package com.catalogimage.scanner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.scanner.messaging.DeadLetter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterParserTest {

    static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");
    static final ImageRequest REQUEST = new ImageRequest("r-7", new Product(7, "Blue Denim Jeans", "Pair of jeans.", 1,
            "Apparel", null), 1, null, ImageRequest.Origin.SCAN, AT);

    @Test
    void aGeneratorDeadLetterIsReadFromItsHeadersAndItsRequest() {
        Headers headers = smallRye("image-requests", "content_policy_violation: rejected by the safety system", null);
        DeadLetterHeaders.of(DeadLetterReason.CONTENT_POLICY, "image-generator", 1).forEach(headers::add);

        DeadLetter letter = DeadLetterParser.parse(record(3, 17, "7", json(REQUEST), headers));

        assertThat(letter.id()).isEqualTo("3-17");
        assertThat(letter.productId()).isEqualTo(7L);
        assertThat(letter.requestId()).isEqualTo("r-7");
        assertThat(letter.reason()).isEqualTo("CONTENT_POLICY");
        assertThat(letter.stage()).isEqualTo("image-generator");
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.cause()).contains("safety system");
        assertThat(letter.valueType()).isEqualTo("ImageRequest");
        assertThat(letter.productName()).isEqualTo("Blue Denim Jeans");
        assertThat(letter.requestAttempt()).isEqualTo(1);
        assertThat(letter.timestamp()).isEqualTo(AT);
        assertThat(letter.replayId()).isEqualTo("replay-3-17");
    }

    @Test
    void anUploaderImageExhaustedBySmallRyesRetriesIsAttributedByItsRetryTopic() {
        GeneratedImage image = new GeneratedImage(REQUEST, new byte[] {1, 2, 3}, "image/png", "gpt-image-1-mini",
                "gpt-image-1-mini", "1024x1024", "low", null, new BigDecimal("0.011"), null, AT);
        Headers headers = smallRye("generated-images-retry-50000", "Connection reset", "reset by peer");
        headers.add("delayed-retry-count", "3".getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = DeadLetterParser.parse(record(0, 5, "7", json(image), headers));

        assertThat(letter.stage()).isEqualTo("blob-uploader");
        assertThat(letter.reason()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.valueType()).isEqualTo("GeneratedImage");
        assertThat(letter.cause()).isEqualTo("Connection reset (caused by: reset by peer)");
        assertThat(letter.request()).isEqualTo(REQUEST);
    }

    @Test
    void aStoredImageIsToldApartByItsShapeWhenTheTopicHeaderIsMissing() {
        StoredImage stored = new StoredImage(REQUEST, "products/7.png", "http://blob/products/7.png", "image/png", 10,
                "ab", 1024, 1024, "gpt-image-1-mini", AT);
        Headers headers = new RecordHeaders();
        DeadLetterHeaders.of(DeadLetterReason.RETRIES_EXHAUSTED, "catalog-updater", 4).forEach(headers::add);

        DeadLetter letter = DeadLetterParser.parse(record(1, 2, "7", json(stored), headers));

        assertThat(letter.valueType()).isEqualTo("StoredImage");
        assertThat(letter.stage()).isEqualTo("catalog-updater");
        assertThat(letter.requestId()).isEqualTo("r-7");
    }

    @Test
    void anUnreadableValueIsPoisonWithoutProductButKeepsTheKeysId() {
        Headers headers = smallRye("image-requests", "Record on topic image-requests is not a valid ImageRequest", null);

        DeadLetter letter = DeadLetterParser.parse(record(2, 9, "99", "{not json".getBytes(StandardCharsets.UTF_8), headers));

        assertThat(letter.reason()).isEqualTo("POISON");
        assertThat(letter.valueType()).isEqualTo("unreadable");
        assertThat(letter.request()).isNull();
        assertThat(letter.productName()).isNull();
        assertThat(letter.productId()).isEqualTo(99L);
        assertThat(letter.stage()).isEqualTo("image-generator");
    }

    @Test
    void aReadableRecordWithoutAnyReasonIsUnknownRatherThanPoison() {
        DeadLetter letter = DeadLetterParser.parse(record(0, 1, "7", json(REQUEST), new RecordHeaders()));
        assertThat(letter.reason()).isEqualTo("UNKNOWN");
        assertThat(letter.stage()).isNull();
    }

    @Test
    void idsAreGroupedByPartitionAndMalformedOnesLeftOut() {
        var offsets = DeadLetterReader.offsetsOf(java.util.List.of("3-17", "3-2", "0-5", "x-1", "3", "-1-2"));
        assertThat(offsets).containsOnlyKeys(3, 0);
        assertThat(offsets.get(3)).containsExactly(2L, 17L);
        assertThat(DeadLetterReader.parseId("12-345")).map(ids -> ids[1]).isEqualTo(Optional.of(345L));
    }

    private static Headers smallRye(String topic, String reason, String cause) {
        Headers headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        if (cause != null) {
            headers.add("dead-letter-cause", cause.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static byte[] json(Object value) {
        return new JsonSerializer<>().serialize("image-dead-letters", value);
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>("image-dead-letters", partition, offset, AT.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, value.length, key, value, headers, Optional.empty());
    }
}
