package com.catalogimage.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every topic the pipeline uses, with the partition counts and configs it needs. Key on every topic: the product id;
 * on the generator's ledger ({@link #PAID_GENERATIONS}) the request id. The local stack creates topics from {@link #all()}; deployment manifests are checked against it.
 */
public final class Topics {

    public static final String IMAGE_REQUESTS = "image-requests";
    public static final String GENERATED_IMAGES = "generated-images";
    public static final String STORED_IMAGES = "stored-images";
    public static final String IMAGE_STATUS = "image-status";
    public static final String DEAD_LETTERS = "image-dead-letters";
    /**
     * The generator's ledger of paid images ({@link PaidGeneration}), keyed by request id: what it has paid for and
     * whether each image got out, read whole at every start (docs/decisions/0014).
     */
    public static final String PAID_GENERATIONS = "paid-generations";
    /**
     * Reviewers' decisions at the review gate ({@link ReviewDecision}), keyed by product id: the uploader consumes them
     * (publish or reject the image), the console shows them. Never compacted: who decided what, and when, is the record.
     */
    public static final String REVIEW_DECISIONS = "review-decisions";
    /**
     * Images waiting for a reviewer ({@link StoredImage} with the review container's private URL), keyed by product id,
     * compacted: the latest image of each product. Written by the uploader in {@code REVIEW_MODE=manual} just before
     * the product's AWAITING_REVIEW status; read by the console, whose review queue is the products whose latest status
     * is AWAITING_REVIEW for the image's request.
     */
    public static final String IMAGES_AWAITING_REVIEW = "images-awaiting-review";
    /**
     * Prompt templates per category ({@link CategoryTemplate}), keyed by {@link CategoryTemplate#key(String)} (the one
     * topic not keyed by product id), compacted: the latest template of each category. Written by the console's
     * playground, read whole by the generator and the console.
     */
    public static final String CATEGORY_TEMPLATES = "category-templates";
    /** How long reviewers' decisions are kept. */
    public static final long REVIEW_DECISIONS_RETENTION_MS = 365L * 24 * 3600 * 1000;
    /** How long the ledger keeps a request id: longer than any record carrying it can come back from Kafka. */
    public static final long LEDGER_RETENTION_MS = 30L * 24 * 3600 * 1000;

    /** Partitions of every pipeline topic: the most consumers one stage can usefully run. */
    public static final int PARTITIONS = 6;

    /**
     * Largest record the pipeline sends. Generated images travel inline: a 1536x1024 PNG is 2-4 MB, base64 in JSON adds a
     * third. Producers ({@code max.request.size}), consumers ({@code max.partition.fetch.bytes}) and topics
     * ({@code max.message.bytes}) all use this one figure.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** Delays of the delayed-retry topics in milliseconds: SmallRye's defaults (10, 20 and 50 s). */
    public static final List<Integer> RETRY_DELAYS_MS = List.of(10_000, 20_000, 50_000);

    /** A topic to create: name, partitions and topic-level configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
    }

    private Topics() {
    }

    /**
     * The delayed-retry topics of a source topic, {@code {topic}-retry_{delay}}. SmallRye reads the delay from after the
     * last underscore of the name, so the underscore is required. Its default names derive from the channel name
     * ({@code {channel}_retry_{delay}}), which differs per service; consumers therefore set
     * {@code delayed-retry-topic.topics} to these names so every deployment creates the same topics.
     */
    public static List<String> retryTopics(String source) {
        return RETRY_DELAYS_MS.stream().map(delay -> source + "-retry_" + delay).toList();
    }

    /** Every topic, retry topics included, with the configs the pipeline relies on. */
    public static List<Spec> all() {
        Map<String, String> large = Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        List<Spec> specs = new ArrayList<>();
        for (String source : List.of(IMAGE_REQUESTS, GENERATED_IMAGES, STORED_IMAGES)) {
            specs.add(new Spec(source, PARTITIONS, large));
            retryTopics(source).forEach(retry -> specs.add(new Spec(retry, PARTITIONS, large)));
        }
        specs.add(new Spec(IMAGE_STATUS, PARTITIONS, Map.of(
                "cleanup.policy", "compact",
                // Compact soon enough that a restarting scanner reads little, late enough to keep recent history.
                "min.compaction.lag.ms", "60000",
                "segment.ms", "3600000")));
        specs.add(new Spec(PAID_GENERATIONS, PARTITIONS, Map.of(
                // One record per request id survives (its latest: published or not); compaction never drops a
                // request id, only its earlier record, and the whole ledger goes after the retention.
                "cleanup.policy", "compact,delete",
                "retention.ms", String.valueOf(LEDGER_RETENTION_MS),
                "min.compaction.lag.ms", "60000",
                "segment.ms", "3600000")));
        specs.add(new Spec(IMAGES_AWAITING_REVIEW, PARTITIONS, Map.of(
                "cleanup.policy", "compact",
                "min.compaction.lag.ms", "60000",
                "segment.ms", "3600000")));
        specs.add(new Spec(CATEGORY_TEMPLATES, 1, Map.of(
                "cleanup.policy", "compact",
                "min.compaction.lag.ms", "60000",
                "segment.ms", "3600000")));
        specs.add(new Spec(REVIEW_DECISIONS, PARTITIONS, Map.of(
                "retention.ms", String.valueOf(REVIEW_DECISIONS_RETENTION_MS))));
        specs.add(new Spec(DEAD_LETTERS, PARTITIONS, Map.of(
                "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES),
                // Dead letters wait for an operator: keep them for 30 days.
                "retention.ms", String.valueOf(30L * 24 * 3600 * 1000))));
        return List.copyOf(specs);
    }
}
