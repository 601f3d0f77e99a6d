package com.catalogimage.generator.messaging;

import static com.catalogimage.generator.messaging.QualityFlow.WAIT;
import static com.catalogimage.generator.messaging.QualityFlow.awaitImage;
import static com.catalogimage.generator.messaging.QualityFlow.awaitStatus;
import static com.catalogimage.generator.messaging.QualityFlow.request;
import static com.catalogimage.generator.messaging.QualityFlow.send;
import static com.catalogimage.generator.messaging.QualityFlow.term;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict.Outcome;
import com.catalogimage.generator.service.Budget;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default, {@code QUALITY_CHECK=advisory}: every image is judged once and published with its verdict, whatever the
 * judge says or whether it answers at all.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class QualityCheckAdvisoryTest {


    private final ImageApiEmulator emulator = ImageApiTestResource.emulator();

    @Inject
    Budget budget;

    @AfterEach
    void clear() {
        emulator.visionRules().clear();
        emulator.faults().clear();
    }

    @Test
    void aPassingImageCarriesItsVerdictCleanAltTextAndTheChecksCostInTheStatusTheMetricsAndTheBudget() {
        BigDecimal before = budget.costToday();
        Product hostile = new Product(System.nanoTime(), "Desk Lamp <b>" + term() + "</b>",
                "<script>alert(1)</script> Brass desk lamp, see http://evil.example.com/x for more", 5, "Lighting", null);
        ImageRequest request = new ImageRequest(java.util.UUID.randomUUID().toString(), hostile, 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(image.verdict().model()).isEqualTo("gpt-5-mini");
        assertThat(image.verdict().inputTokens()).isPositive();
        // the emulator's alt text echoes the product's text unescaped: cleaned, it keeps no markup, URL or "image of"
        assertThat(image.verdict().altText()).isNotBlank().hasSizeLessThanOrEqualTo(AltText.MAX)
                .doesNotContain("<", ">", "http", "evil.example").doesNotStartWithIgnoringCase("image of");
        ProductStatus status = awaitStatus(key, State.GENERATED);
        assertThat(status.verdict()).isEqualTo(image.verdict());
        BigDecimal check = image.verdict().costUsd();
        assertThat(check).isPositive();
        BigDecimal imageCost = image.costUsd();
        assertThat(imageCost).isPositive();
        assertThat(status.costUsd()).isEqualByComparingTo(imageCost.add(check));
        // the daily budget counts the image and its check
        await().atMost(WAIT).untilAsserted(() -> assertThat(budget.costToday().subtract(before))
                .isEqualByComparingTo(imageCost.add(check)));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("generator_quality_checks_total{outcome=\"passed\"")
                .contains("generator_chat_cost_usd_total{model=\"gpt-5-mini\"")
                .contains("generator_chat_tokens_total{type=\"input\"");
    }

    @Test
    void aFailingImageIsPublishedOnceWithItsFailingVerdict() {
        String term = term();
        emulator.visionRules().fail(term, -1, "noTextOrLogos");
        ImageRequest request = request(term);
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(image.verdict().noTextOrLogos()).isFalse();
        assertThat(image.verdict().regenerations()).isZero();
        assertThat(awaitStatus(key, State.GENERATED).detail()).contains("quality failed");
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
    }

    @Test
    void aJudgeOutageStillPublishesThePaidImageNotChecked() {
        // 5xx on the chat deployment for the call and openai-java's two retries
        emulator.faults().forDeployment("gpt-5-mini").failNext(503, 3);
        ImageRequest request = request(term());
        String key = send(request);

        GeneratedImage image = awaitImage(key);
        assertThat(image.verdict().outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(image.verdict().altText()).isEqualTo(AltText.fallback(request.product()));
        assertThat(image.verdict().reasons()).singleElement().asString().contains("TRANSIENT");
        assertThat(awaitStatus(key, State.GENERATED).verdict().outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(emulator.stats().generationsForRequestId(request.requestId())).isEqualTo(1);
    }

    @Test
    void aThrottledOrFailingChatCallIsRetriedInsideTheModelAndTheImageIsStillJudged() {
        long chatCalls = emulator.stats().chatCompletionsForDeployment("gpt-5-mini");
        long throttles = emulator.stats().responses(429);
        long errors = emulator.stats().responses(500);
        emulator.faults().forDeployment("gpt-5-mini").failNext(429, 1);
        String throttled = send(request(term()));
        assertThat(awaitImage(throttled).verdict().outcome()).isEqualTo(Outcome.PASSED);

        emulator.faults().forDeployment("gpt-5-mini").failNext(500, 1);
        String failing = send(request(term()));
        assertThat(awaitImage(failing).verdict().outcome()).isEqualTo(Outcome.PASSED);
        // each judgement was answered once, after one refused call that openai-java retried
        assertThat(emulator.stats().chatCompletionsForDeployment("gpt-5-mini") - chatCalls).isEqualTo(2);
        assertThat(emulator.stats().responses(429) - throttles).isEqualTo(1);
        assertThat(emulator.stats().responses(500) - errors).isEqualTo(1);
    }
}
