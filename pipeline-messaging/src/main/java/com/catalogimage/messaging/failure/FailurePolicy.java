package com.catalogimage.messaging.failure;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.pause.ConsumptionPause;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The one place that turns a failed record into what happens to it, for every consuming stage: held through a pause,
 * a delayed retry, or a dead letter with the contract headers ({@link DeadLetterHeaders}) and a DEAD_LETTERED status.
 * What a failure says there is {@link Redaction cleaned} first.
 * Every consuming channel uses SmallRye's {@code delayed-retry-topic} failure strategy with
 * {@code dead-letter-queue.topic=image-dead-letters}: a plain nack moves the record to the next retry topic; a nack
 * whose metadata names a topic sends it there (the dead-letter topic, or a retry topic for a throttled record).
 */
public final class FailurePolicy {

    private static final Logger LOG = Logger.getLogger(FailurePolicy.class);
    /** SmallRye's header counting the delayed retries of a record. */
    static final String DELAYED_RETRY_COUNT = "delayed-retry-count";

    /**
     * A consuming channel's settings.
     *
     * @param stage             the service, as it appears in statuses and dead letters
     * @param channel           the incoming channel
     * @param maxDelayedRetries {@code delayed-retry-topic.max-retries}
     * @param retryTopics       {@code delayed-retry-topic.topics}, shortest delay first
     */
    public record Settings(String stage, String channel, int maxDelayedRetries, List<String> retryTopics) {

        /** Reads the channel's delayed-retry settings from its configuration, where SmallRye reads them too. */
        public static Settings of(Config config, String stage, String channel) {
            String prefix = "mp.messaging.incoming." + channel + ".delayed-retry-topic.";
            return new Settings(stage, channel, config.getValue(prefix + "max-retries", Integer.class),
                    config.getValues(prefix + "topics", String.class));
        }
    }

    private final Settings settings;
    private final Function<ProductStatus, CompletionStage<Void>> statuses;
    private final ConsumptionPause pause;

    /**
     * @param statuses writes a status to the status topic
     * @param pause    the stage's pause, which holds records its dependency refuses
     */
    public FailurePolicy(Settings settings, Function<ProductStatus, CompletionStage<Void>> statuses,
            ConsumptionPause pause) {
        this.settings = settings;
        this.statuses = statuses;
        this.pause = pause;
    }

    /**
     * How many times this stage has taken the record (the {@link DeadLetterHeaders#ATTEMPTS} meaning): its first
     * delivery and each delayed retry.
     */
    public static int attempts(Message<?> message) {
        return delayedRetries(message) + 1;
    }

    static int delayedRetries(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getHeaders().lastHeader(DELAYED_RETRY_COUNT))
                .map(Header::value)
                .map(FailurePolicy::parseCount)
                .orElse(0);
    }

    /**
     * Carries out what the failure class says for a record that carries {@code request}: {@code again} handles the
     * record anew once a pause ends.
     */
    public CompletionStage<Void> fail(Message<?> message, ImageRequest request, FailureClass failureClass,
            String rawDetail, Supplier<CompletionStage<Void>> again) {
        return fail(message, request, failureClass, rawDetail, again, null);
    }

    /**
     * As {@link #fail(Message, ImageRequest, FailureClass, String, Supplier)}, for a record whose image has a quality
     * verdict: a DEAD_LETTERED status carries it (a {@code QUALITY_REJECTED} dead letter shows why).
     */
    public CompletionStage<Void> fail(Message<?> message, ImageRequest request, FailureClass failureClass,
            String rawDetail, Supplier<CompletionStage<Void>> again, QualityVerdict verdict) {
        String detail = Redaction.clean(rawDetail);
        int delayedRetries = delayedRetries(message);
        int attempts = delayedRetries + 1;
        long productId = request.product().id();
        FailureDecision decision = FailureDecision.decide(failureClass, delayedRetries, settings.maxDelayedRetries());
        return switch (decision.action()) {
            case HOLD -> pause.holdUntilResumed(failureClass, detail, again);
            case LATER -> {
                LOG.warnf("Product %d: throttled (%s); taken again later (delivery %d)", productId, detail, attempts);
                String topic = settings.retryTopics().get(Math.min(delayedRetries, settings.retryTopics().size() - 1));
                yield message.nack(new StageFailure(detail),
                        Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(topic).build()));
            }
            case RETRY -> {
                LOG.warnf("Product %d (request %s): %s; delayed retry %d of %d", productId, request.requestId(), detail,
                        delayedRetries + 1, settings.maxDelayedRetries());
                yield message.nack(new StageFailure(detail));
            }
            case DEAD_LETTER -> {
                LOG.warnf("Product %d (request %s): dead-lettered %s after %d delivery(ies): %s", productId,
                        request.requestId(), decision.reason(), attempts, detail);
                yield deadLetter(message, ProductStatus.deadLettered(request, decision.reason(), detail,
                        settings.stage()).withVerdict(verdict), decision.reason(), detail, attempts);
            }
        };
    }

    /**
     * The second half of the poison path ({@link PoisonHandler}): a record that is not what the channel carries (it
     * could not be read, or it lacks its request or product) goes to the dead-letter topic as POISON, with a
     * DEAD_LETTERED status when its key is a product id; the partition moves on.
     *
     * @param why why it is poison, when the record could be read; {@code null}: it could not
     */
    public CompletionStage<Void> poison(Message<?> message, String why) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Header cause = record.getHeaders().lastHeader("deserialization-failure-reason");
        String detail = Redaction.clean("not a record of " + record.getTopic() + ": " + (why != null ? why
                : cause != null ? new String(cause.value(), StandardCharsets.UTF_8) : "the record has no value"));
        LOG.warnf("Poison record %s-%d@%d (key %s) dead-lettered: %s", record.getTopic(), record.getPartition(),
                record.getOffset(), record.getKey(), detail);
        Long productId = productId(record.getKey());
        ProductStatus status = productId == null ? null : new ProductStatus(productId, null, 0,
                ProductStatus.State.DEAD_LETTERED, DeadLetterReason.POISON.code(), detail, settings.stage(),
                Instant.now(), null);
        return deadLetter(message, status, DeadLetterReason.POISON, detail, 0);
    }

    /**
     * The status first, then the dead letter; a status that cannot be written does not stop the dead letter, which
     * matters more.
     */
    private CompletionStage<Void> deadLetter(Message<?> message, ProductStatus status, DeadLetterReason reason,
            String detail, int attempts) {
        CompletionStage<Void> written = status == null ? CompletableFuture.completedFuture(null)
                : statuses.apply(status).exceptionally(failure -> {
                    LOG.errorf(failure, "Product %d: cannot write status DEAD_LETTERED", status.productId());
                    return null;
                });
        return written.thenCompose(done -> message.nack(new StageFailure(detail),
                Metadata.of(OutgoingKafkaRecordMetadata.builder()
                        .withTopic(Topics.DEAD_LETTERS)
                        .withHeaders(DeadLetterHeaders.of(reason, settings.stage(), attempts))
                        .build())));
    }

    private static Long productId(Object key) {
        try {
            return key == null ? null : Long.valueOf(key.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseCount(byte[] value) {
        try {
            return Integer.parseInt(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why a record was retried or dead-lettered: its message becomes SmallRye's reason header; no stack trace. */
    static final class StageFailure extends RuntimeException {
        StageFailure(String detail) {
            super(detail, null, false, false);
        }
    }
}
