package com.catalogimage.console.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.service.AutoRewrite;
import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Html;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.console.support.Seed;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites of refused prompts: the chat model (the local stack's chat emulator, whose {@code prompt_rewrite} drops the
 * image emulator's blocked terms) suggests, the operator replays through the scanner's replay (emulated).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
@WithTestResource(ImageApiTestResource.class)
class RewritePageTest {

    private static final long JEANS = 9_200_001L;
    private static final long AUTO = 9_200_002L;

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();
    ImageApiEmulator models = ImageApiTestResource.emulator();

    @Inject
    AutoRewrite auto;
    @Inject
    ConsoleStatus statuses;
    @Inject
    MeterRegistry meters;

    @BeforeEach
    void deadLetters() {
        scanner.reset();
        models.faults().clear();
    }

    private static String replayPrompt(String html, String deadLetterId) {
        return Html.elements(html, "tr", "dead-letter").stream().filter(row -> deadLetterId.equals(row.attr("data-id")))
                .findFirst().map(row -> row.text("replay-prompt")).orElseThrow();
    }

    private static String decoded(String location) {
        return URLDecoder.decode(location, StandardCharsets.UTF_8);
    }

    @Test
    void aSuggestedRewriteFillsTheReplayPromptAndIsReplayedAsTheOperatorAcceptedIt() {
        scanner.addDeadLetter("3-17", JEANS, "CONTENT_POLICY", "image-generator", "Blue Denim Jeans");
        ConsoleSession operator = ConsoleSession.operator();

        String location = operator.form().formParam("productId", JEANS).when().post("/dead-letters/3-17/rewrite")
                .then().statusCode(303).extract().header("Location");
        assertThat(decoded(location)).contains("/dead-letters", "Rewrite suggested for Blue Denim Jeans");

        String page = operator.request().get("/dead-letters").then().statusCode(200).extract().asString();
        String suggested = replayPrompt(page, "3-17");
        // the product's facts kept, the term the image model refused dropped
        assertThat(suggested).contains("Denim").doesNotContainIgnoringCase("jeans");
        assertThat(scanner.calls("POST", "/dead-letters/replay")).isEmpty();
        // the call is paid for: counted, and on the overview beside the generator's cost
        assertThat(meters.counter("console.chat.cost.usd", "model", "gpt-5-mini", "purpose", "rewrite").count())
                .isPositive();
        String overview = operator.request().get("/").then().statusCode(200).extract().asString();
        assertThat(new java.math.BigDecimal(Html.text(overview, "chat-cost-today"))).isPositive();
        // the product page offers the same suggestion
        assertThat(replayPrompt(operator.request().get("/products/" + JEANS).then().statusCode(200).extract().asString(),
                "3-17")).isEqualTo(suggested);

        location = operator.form().formParam("ids", "3-17").formParam("productId", JEANS).formParam("prompt", suggested)
                .when().post("/dead-letters/replay").then().statusCode(303).extract().header("Location");
        assertThat(decoded(location)).contains("Replayed 1");
        assertThat(scanner.calls("POST", "/dead-letters/replay")).singleElement().satisfies(call -> {
            assertThat(call.body()).containsEntry("ids", java.util.List.of("3-17"));
            assertThat(call.body()).containsEntry("promptOverrides", Map.of(String.valueOf(JEANS), suggested));
            assertThat(call.body()).containsEntry("force", false);
        });
    }

    @Test
    void aChatFailureSaysWhyAndChangesNothing() {
        scanner.addDeadLetter("4-20", JEANS, "CONTENT_POLICY", "image-generator", "Blue Denim Jeans");
        models.faults().forDeployment("gpt-5-mini").failNext(500, 10);
        ConsoleSession operator = ConsoleSession.operator();

        String location = operator.form().formParam("productId", JEANS).when().post("/dead-letters/4-20/rewrite")
                .then().statusCode(303).extract().header("Location");

        assertThat(decoded(location)).contains("No suggestion: the chat model failed");
        String page = operator.request().get("/dead-letters").then().statusCode(200).extract().asString();
        assertThat(replayPrompt(page, "4-20")).isEmpty();
        assertThat(scanner.calls("POST", "/dead-letters/replay")).isEmpty();
    }

    @Test
    void onlyAnOperatorWithTheCsrfTokenMayAskForARewrite() {
        scanner.addDeadLetter("4-21", JEANS, "CONTENT_POLICY", "image-generator", "Blue Denim Jeans");
        ConsoleSession.viewer().form().formParam("productId", JEANS).when().post("/dead-letters/4-21/rewrite").then()
                .statusCode(403);
        ConsoleSession.operator().request().contentType("application/x-www-form-urlencoded")
                .formParam("productId", JEANS).when().post("/dead-letters/4-21/rewrite").then().statusCode(403);
        String page = ConsoleSession.operator().request().get("/dead-letters").then().extract().asString();
        assertThat(replayPrompt(page, "4-21")).isEmpty();
    }

    @Test
    void autoReplaysOneRewritePerProductAndLeavesARefusedRewriteToAPerson() {
        Map<String, Object> first = scanner.addDeadLetter("5-1", AUTO, "CONTENT_POLICY", "image-generator",
                "Blue Denim Jeans");
        Seed.status(AUTO, (String) first.get("requestId"), State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY,
                "content policy", "image-generator", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.latest(AUTO)
                .filter(s -> s.state() == State.DEAD_LETTERED).isPresent());

        assertThat(auto.runOnce()).isEqualTo(1);
        String rewrite = scanner.calls("POST", "/dead-letters/replay").get(0).body().get("promptOverrides") instanceof Map<?, ?> m
                ? (String) m.get(String.valueOf(AUTO)) : null;
        assertThat(rewrite).isNotBlank().doesNotContainIgnoringCase("jeans");

        // its dead letter is replayed now: nothing more, however often the job runs
        assertThat(auto.runOnce()).isZero();
        assertThat(scanner.calls("POST", "/dead-letters/replay")).hasSize(1);

        // the rewrite is refused in its turn: a person decides, the job does not try again
        Map<String, Object> second = scanner.addDeadLetter("5-2", AUTO, "CONTENT_POLICY", "image-generator",
                "Blue Denim Jeans");
        second.put("requestId", "replay-5-1");
        second.put("promptOverride", rewrite);
        second.put("timestamp", "2026-12-01T11:00:00Z");
        Seed.status(AUTO, "replay-5-1", State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY, "content policy",
                "image-generator", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.latest(AUTO)
                .filter(s -> "replay-5-1".equals(s.requestId())).isPresent());
        double leftBefore = meters.counter("console.policy.rewrites", "outcome", "left-to-person").count();

        assertThat(auto.runOnce()).isZero();
        assertThat(scanner.calls("POST", "/dead-letters/replay")).hasSize(1);
        assertThat(meters.counter("console.policy.rewrites", "outcome", "left-to-person").count()).isEqualTo(leftBefore + 1);
        assertThat(meters.counter("console.policy.rewrites", "outcome", "replayed").count()).isGreaterThanOrEqualTo(1);
    }
}
