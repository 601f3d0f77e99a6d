package com.catalogimage.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How chat failures reach the pipeline: classified like the image API's, after openai-java's own retries (which honour
 * the emulator's {@code retry-after-ms}); and the ways to reach the deployment (both URL shapes, api-key or bearer).
 */
class ChatModelFailuresTest {

    static final String DEPLOYMENT = "gpt-5-mini";
    static final Product MUG = new Product(3, "Ceramic Mug", "A white ceramic mug.", 2, "Kitchen", null);
    static final String PROMPT = "Product Name: Ceramic Mug\nPlain white background.";

    static ImageApiEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clean() {
        emulator.faults().clear();
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(DEPLOYMENT, 0)
                .withChatBlockedTerms(List.of()).withChatRefusalTerms(List.of()));
        emulator.stats().reset();
    }

    static ChatSettings settings(ChatSettings.PathMode mode, int retries) {
        return ChatModelJudgeTest.settings(emulator, mode, retries);
    }

    static ChatModel model(ChatSettings settings) {
        return new ChatModel(settings, new TestPricing());
    }

    static ChatSettings withDeployment(ChatSettings s, String deployment) {
        return new ChatSettings(s.endpoint(), deployment, s.model(), s.pathMode(), s.apiVersion(), s.apiKey(),
                s.timeout(), s.maxRetries());
    }

    static FailureClass failureOf(Runnable call) {
        try {
            call.run();
        } catch (ChatException e) {
            assertThat(e.getMessage()).doesNotContain(ChatModelJudgeTest.KEY);
            return e.failureClass();
        }
        throw new AssertionError("expected a ChatException");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterThenSucceedsAndIsThrottledWithoutRetries() {
        // 30 requests a minute: a burst of 5, then one every 2 s
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(DEPLOYMENT, 30));
        try (ChatModel once = model(settings(ChatSettings.PathMode.LEGACY, 0));
             ChatModel retrying = model(settings(ChatSettings.PathMode.LEGACY, 2))) {
            FailureClass throttled = null;
            for (int i = 0; i < 20 && throttled == null; i++) {
                try {
                    once.ideas("Kitchen", null, 1);
                } catch (ChatException e) {
                    throttled = e.failureClass();
                }
            }
            assertThat(throttled).isEqualTo(FailureClass.THROTTLED);
            long throttledBefore = emulator.stats().throttled(DEPLOYMENT);

            PromptIdeas ideas = retrying.ideas("Kitchen", null, 1);

            assertThat(ideas.ideas()).hasSize(1);
            // one more 429 and then a success: the retry waited as long as retry-after-ms said (openai-java's own
            // backoff of 0.5-1 s would have come back too early and been throttled again)
            assertThat(emulator.stats().throttled(DEPLOYMENT) - throttledBefore).isEqualTo(1);
        }
    }

    @Test
    void a5xxIsRetriedByTheClientAndTransientWhenRetriesRunOut() {
        try (ChatModel once = model(settings(ChatSettings.PathMode.LEGACY, 0));
             ChatModel retrying = model(settings(ChatSettings.PathMode.LEGACY, 2))) {
            emulator.faults().forDeployment(DEPLOYMENT).failNext(503, 1);
            assertThat(failureOf(() -> once.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.TRANSIENT);

            emulator.faults().forDeployment(DEPLOYMENT).failNext(500, 2);
            assertThat(retrying.ideas("Kitchen", null, 2).ideas()).hasSize(2);
            assertThat(emulator.stats().responses(500)).isEqualTo(2);
        }
    }

    @Test
    void aTimeoutIsTransient() {
        ChatSettings s = settings(ChatSettings.PathMode.LEGACY, 0);
        ChatSettings quick = new ChatSettings(s.endpoint(), s.deployment(), s.model(), s.pathMode(), s.apiVersion(),
                s.apiKey(), Duration.ofMillis(500), 0);
        emulator.faults().timeoutHold(Duration.ofSeconds(5));
        emulator.faults().forDeployment(DEPLOYMENT).timeoutNext(1);
        try (ChatModel model = model(quick)) {
            assertThat(failureOf(() -> model.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.TRANSIENT);
        }
    }

    @Test
    void theChatContentFilterAndARefusalArePolicy() {
        emulator.configure(ImageApiEmulator.Config.change().withChatBlockedTerms(List.of("forbidden thing"))
                .withChatRefusalTerms(List.of("decline me")));
        try (ChatModel model = model(settings(ChatSettings.PathMode.LEGACY, 2))) {
            assertThat(failureOf(() -> model.rewrite("A forbidden thing on a table", MUG, null)))
                    .isEqualTo(FailureClass.POLICY);
            assertThat(failureOf(() -> model.rewrite("Please decline me", MUG, null))).isEqualTo(FailureClass.POLICY);
            // a 400 is not retried
            assertThat(emulator.stats().responses(400)).isEqualTo(1);
        }
    }

    @Test
    void aMissingDeploymentAWrongKeyAndABlockedResourceAreClassified() {
        ChatSettings legacy = settings(ChatSettings.PathMode.LEGACY, 2);
        try (ChatModel missing = model(withDeployment(legacy, "gpt-5-nope"));
             ChatModel imageModel = model(withDeployment(legacy, "gpt-image-1-mini"));
             ChatModel wrongKey = model(new ChatSettings(legacy.endpoint(), DEPLOYMENT, DEPLOYMENT,
                     ChatSettings.PathMode.LEGACY, legacy.apiVersion(), Optional.of("wrong-key"), legacy.timeout(), 2));
             ChatModel ok = model(legacy)) {
            assertThat(failureOf(() -> missing.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.CONFIGURATION);
            assertThat(failureOf(() -> imageModel.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.INVALID_REQUEST);
            assertThat(failureOf(() -> wrongKey.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.CONFIGURATION);
            emulator.faults().forDeployment(DEPLOYMENT).blockResource(true);
            assertThat(failureOf(() -> ok.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.RESOURCE_BLOCKED);
        }
    }

    @Test
    void theUnifiedPathCarriesTheDeploymentAsModel() {
        try (ChatModel unified = model(settings(ChatSettings.PathMode.UNIFIED, 0))) {
            QualityVerdict verdict = unified.judge(ChatModelJudgeTest.png(emulator, PROMPT), "image/png", MUG, PROMPT);
            assertThat(verdict.passed()).isTrue();
            assertThat(unified.rewrite("A photo of jeans", MUG, null).prompt()).isEqualTo("A photo of");
            assertThat(emulator.stats().chatCompletionsForDeployment(DEPLOYMENT)).isEqualTo(2);
        }
    }

    @Test
    void bearerTokensAuthenticateInsteadOfTheKey() {
        ChatSettings s = settings(ChatSettings.PathMode.LEGACY, 0);
        ChatSettings noKey = new ChatSettings(s.endpoint(), s.deployment(), s.model(), s.pathMode(), s.apiVersion(),
                Optional.empty(), s.timeout(), 0);
        try (ChatModel bearer = new ChatModel(noKey, new TestPricing(), () -> ChatModelJudgeTest.KEY);
             ChatModel wrongToken = new ChatModel(noKey, new TestPricing(), () -> "not-the-token")) {
            assertThat(bearer.ideas("Kitchen", null, 1).ideas()).hasSize(1);
            assertThat(failureOf(() -> wrongToken.ideas("Kitchen", null, 1))).isEqualTo(FailureClass.CONFIGURATION);
        }
    }

    @Test
    void aBrokenImageIsAnInvalidRequest() {
        try (ChatModel model = model(settings(ChatSettings.PathMode.LEGACY, 2))) {
            assertThatThrownBy(() -> model.judge(new byte[] {1, 2, 3, 4}, "image/png", MUG, PROMPT))
                    .isInstanceOfSatisfying(ChatException.class,
                            e -> assertThat(e.failureClass()).isEqualTo(FailureClass.INVALID_REQUEST));
        }
    }
}
