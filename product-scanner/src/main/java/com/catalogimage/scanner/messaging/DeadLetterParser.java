package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerde;
import com.catalogimage.messaging.tracing.RequestTraces;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads one record of the dead-letter topic: the pipeline's headers ({@link DeadLetterHeaders}), SmallRye's
 * ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -exception-class-name}, ...) and the original record.
 * The original is an {@code ImageRequest} (generator), a {@code GeneratedImage} (uploader) or a {@code StoredImage}
 * (updater); the latter two carry the request as {@code request}. The request is found by shape rather than by trying
 * each deserializer: the mapper tolerates unknown fields, so any JSON object would "deserialize" as any of the three.
 */
public final class DeadLetterParser {

    // SmallRye's KafkaDeadLetterQueue and DeserializationFailureHandler header names.
    static final String SMALLRYE_REASON = "dead-letter-reason";
    static final String SMALLRYE_CAUSE = "dead-letter-cause";
    static final String SMALLRYE_TOPIC = "dead-letter-topic";
    static final String SMALLRYE_EXCEPTION = "dead-letter-exception-class-name";
    static final String SMALLRYE_CAUSE_CLASS = "dead-letter-cause-class-name";
    static final String DESERIALIZATION_FAILURE = "deserialization-failure-reason";
    static final String DELAYED_RETRY_COUNT = "delayed-retry-count";

    static final String UNKNOWN = "UNKNOWN";
    static final String UNREADABLE = "unreadable";

    private static final Pattern RETRY_SUFFIX = Pattern.compile("-retry-\\d+$");
    private static final Map<String, String> STAGE_OF_TOPIC = Map.of(
            Topics.IMAGE_REQUESTS, "image-generator",
            Topics.GENERATED_IMAGES, "blob-uploader",
            Topics.STORED_IMAGES, "catalog-updater");
    private static final Map<String, String> TYPE_OF_TOPIC = Map.of(
            Topics.IMAGE_REQUESTS, "ImageRequest",
            Topics.GENERATED_IMAGES, "GeneratedImage",
            Topics.STORED_IMAGES, "StoredImage");

    private DeadLetterParser() {
    }

    public static DeadLetter parse(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String originalTopic = header(headers, SMALLRYE_TOPIC).orElse(null);
        // A record that went through delayed retries comes from image-requests-retry-10000 and the like.
        String sourceTopic = originalTopic == null ? null : RETRY_SUFFIX.matcher(originalTopic).replaceFirst("");
        Optional<Original> original = original(record.value());
        ImageRequest request = original.map(Original::request).orElse(null);

        String stage = header(headers, DeadLetterHeaders.STAGE)
                .orElseGet(() -> sourceTopic == null ? null : STAGE_OF_TOPIC.get(sourceTopic));
        String reason = header(headers, DeadLetterHeaders.REASON_CODE)
                .orElseGet(() -> derivedReason(headers, request != null));
        String valueType = original.map(o -> sourceTopic == null ? o.type() : TYPE_OF_TOPIC.getOrDefault(sourceTopic, o.type())).orElse(UNREADABLE);
        Integer attempts = header(headers, DeadLetterHeaders.ATTEMPTS).map(DeadLetterParser::number)
                .orElseGet(() -> header(headers, DELAYED_RETRY_COUNT).map(DeadLetterParser::number).orElse(null));
        Long productId = request != null && request.product() != null ? Long.valueOf(request.product().id())
                : productIdFromKey(record.key());

        return new DeadLetter(record.partition() + "-" + record.offset(), productId,
                request == null ? null : request.requestId(), stage, reason, cause(headers), attempts,
                Instant.ofEpochMilli(record.timestamp()), originalTopic, valueType,
                request == null || request.product() == null ? null : request.product().name(),
                request == null ? null : request.promptOverride(),
                request == null ? null : request.templateOverride(),
                request == null ? null : request.attempt(),
                false, null, request, header(headers, RequestTraces.TRACEPARENT).orElse(null));
    }

    /**
     * The reason of a dead letter written without the pipeline's reason header: by SmallRye itself after the delayed
     * retries ran out, or for a record no deserializer could read.
     */
    static String derivedReason(Headers headers, boolean readable) {
        String exception = header(headers, SMALLRYE_EXCEPTION).orElse("") + " " + header(headers, SMALLRYE_CAUSE_CLASS).orElse("");
        if (!readable || header(headers, DESERIALIZATION_FAILURE).isPresent() || exception.contains("Serializ")) {
            return DeadLetterReason.POISON.name();
        }
        if (header(headers, DELAYED_RETRY_COUNT).isPresent()) {
            return DeadLetterReason.RETRIES_EXHAUSTED.name();
        }
        return UNKNOWN;
    }

    private static String cause(Headers headers) {
        Optional<String> reason = header(headers, SMALLRYE_REASON);
        Optional<String> cause = header(headers, SMALLRYE_CAUSE).filter(text -> !reason.map(text::equals).orElse(false));
        if (reason.isPresent() && cause.isPresent()) {
            return reason.get() + " (caused by: " + cause.get() + ")";
        }
        return reason.or(() -> cause).or(() -> header(headers, DESERIALIZATION_FAILURE)).orElse(null);
    }

    private record Original(String type, ImageRequest request) {
    }

    private static Optional<Original> original(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonSerde.MAPPER.readTree(value);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            if (node.hasNonNull("requestId") && node.hasNonNull("product")) {
                return Optional.of(new Original("ImageRequest", request(node)));
            }
            JsonNode request = node.get("request");
            if (request != null && request.hasNonNull("requestId") && request.hasNonNull("product")) {
                return Optional.of(new Original(node.has("blobName") ? "StoredImage" : "GeneratedImage", request(request)));
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static ImageRequest request(JsonNode node) throws Exception {
        return JsonSerde.MAPPER.treeToValue(node, ImageRequest.class);
    }

    private static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8)).filter(text -> !text.isBlank());
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long productIdFromKey(String key) {
        try {
            return key == null ? null : Long.valueOf(key.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
