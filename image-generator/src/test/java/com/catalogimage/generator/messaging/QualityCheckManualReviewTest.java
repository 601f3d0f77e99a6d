package com.catalogimage.generator.messaging;

import static com.catalogimage.generator.messaging.QualityFlow.awaitImage;
import static com.catalogimage.generator.messaging.QualityFlow.awaitStatus;
import static com.catalogimage.generator.messaging.QualityFlow.request;
import static com.catalogimage.generator.messaging.QualityFlow.send;
import static com.catalogimage.generator.messaging.QualityFlow.term;
import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ProductStatus.State;
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
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code QUALITY_CHECK=enforce} with {@code REVIEW_MODE=manual}: what still fails goes to the reviewer with its verdict. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@TestProfile(QualityCheckManualReviewTest.EnforceWithReview.class)
class QualityCheckManualReviewTest {

    public static class EnforceWithReview implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("generator.quality-check.mode", "enforce", "generator.quality-check.review-mode", "manual");
        }
    }

    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @AfterEach
    void clear() {
        emulator.visionRules().clear();
        emulator.faults().clear();
    }

    @Test
    void anImageThatFailsAgainIsPublishedWithItsFailingVerdictForTheReviewer() {
        String term = term();
        emulator.visionRules().fail(term, -1, "wholeAndCentred");
        ImageRequest request = request(term);
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(image.verdict().wholeAndCentred()).isFalse();
        assertThat(image.verdict().regenerations()).isEqualTo(1);
        assertThat(image.verdict().reasons()).isNotEmpty();
        assertThat(awaitStatus(key, State.GENERATED).verdict()).isEqualTo(image.verdict());
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(2);
        assertThat(topics().read(Topics.DEAD_LETTERS, key, new ByteArrayDeserializer())).isEmpty();
    }

    @Test
    void anUnreachableJudgeSendsTheImageToTheReviewerUnchecked() {
        emulator.faults().forDeployment("gpt-5-mini").failNext(500, 3);
        ImageRequest request = request(term());
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(image.verdict().altText()).isEqualTo(AltText.fallback(request.product()));
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
    }
}
