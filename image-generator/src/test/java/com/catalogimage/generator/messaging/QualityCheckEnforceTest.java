package com.catalogimage.generator.messaging;

import static com.catalogimage.generator.messaging.QualityFlow.awaitDeadLetter;
import static com.catalogimage.generator.messaging.QualityFlow.awaitImage;
import static com.catalogimage.generator.messaging.QualityFlow.awaitStatus;
import static com.catalogimage.generator.messaging.QualityFlow.ledger;
import static com.catalogimage.generator.messaging.QualityFlow.request;
import static com.catalogimage.generator.messaging.QualityFlow.send;
import static com.catalogimage.generator.messaging.QualityFlow.term;
import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static com.catalogimage.localstack.testing.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.QualityVerdict.Outcome;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code QUALITY_CHECK=enforce} with {@code REVIEW_MODE=auto} against the emulator's vision model, steered by vision
 * rules that fail images whose embedded prompt names a product's own term.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(QualityCheckEnforceTest.Enforce.class)
class QualityCheckEnforceTest {

    public static class Enforce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("generator.quality-check.mode", "enforce", "generator.quality-check.review-mode", "auto",
                    "generator.quality-check.max-regenerations", "1");
        }
    }

    /** The least a gpt-image-2 image costs: 200 output tokens (low, 1024x1024) at $30 per million, no input. */
    private static final BigDecimal IMAGE_FLOOR = new BigDecimal("0.006");

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @AfterEach
    void clear() {
        emulator.visionRules().clear();
        emulator.faults().clear();
    }

    @Test
    void aFailingCheckIsRegeneratedWithTheCritiqueAndThenPasses() {
        String term = term();
        emulator.visionRules().fail(term, 1, "noTextOrLogos");
        ImageRequest request = request(term);
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        QualityVerdict verdict = image.verdict();
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(verdict.regenerations()).isEqualTo(1);
        assertThat(verdict.altText()).isNotBlank().hasSizeLessThanOrEqualTo(125);
        // the second image's prompt carries the first one's critique
        assertThat(image.prompt()).contains("Lava Lamp " + term).contains("rejected for these reasons");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(2);

        ProductStatus status = awaitStatus(key, State.GENERATED);
        assertThat(status.verdict()).isEqualTo(verdict);
        // two images and two checks, all paid this delivery
        assertThat(verdict.costUsd()).isPositive();
        // per token: the first image's prompt had no critique, so it cost no more than the second
        BigDecimal first = status.costUsd().subtract(verdict.costUsd()).subtract(image.costUsd());
        assertThat(first).isGreaterThanOrEqualTo(IMAGE_FLOOR).isLessThanOrEqualTo(image.costUsd());
        PaidGeneration paid = ledger(request.requestId());
        assertThat(paid.images()).isEqualTo(2);
        assertThat(paid.published()).isTrue();
        assertThat(paid.costUsd()).isEqualByComparingTo(status.costUsd());
    }

    @Test
    void aSecondFailureIsDeadLetteredWithItsVerdict() {
        String term = term();
        emulator.visionRules().fail(term, -1, "plainBackground");
        ImageRequest request = request(term);
        String key = send(request);

        var dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(request);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("QUALITY_REJECTED");
        assertThat(header(dead, "delayed-retry-reason")).startsWith("failed");
        ProductStatus status = awaitStatus(key, State.DEAD_LETTERED);
        assertThat(status.reason()).isEqualTo(ReasonCode.QUALITY_REJECTED);
        assertThat(status.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(status.verdict().plainBackground()).isFalse();
        assertThat(status.verdict().regenerations()).isEqualTo(1);
        assertThat(status.detail()).isEqualTo(status.verdict().summary());
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(2);
        assertThat(topics().read(Topics.GENERATED_IMAGES, key, new ByteArrayDeserializer())).isEmpty();
        // both images and both checks are paid for and in the ledger, which the daily budget counts
        PaidGeneration paid = ledger(request.requestId());
        assertThat(paid.images()).isEqualTo(2);
        assertThat(paid.published()).isFalse();
        assertThat(paid.costUsd().subtract(status.verdict().costUsd())).as("two images")
                .isGreaterThanOrEqualTo(IMAGE_FLOOR.multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void aJudgeThatCannotBeReachedHoldsThePaidImageAndJudgesItOnTheNextDeliveryWithoutPayingAgain() {
        // three 503s: the judge's call and openai-java's two retries
        emulator.faults().forDeployment("gpt-5-mini").failNext(503, 3);
        ImageRequest request = request(term());
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(awaitStatus(key, State.GENERATED).verdict().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
        assertThat(topics().read(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer())).isEmpty();
        assertThat(ledger(request.requestId()).images()).isEqualTo(1);
    }
}
