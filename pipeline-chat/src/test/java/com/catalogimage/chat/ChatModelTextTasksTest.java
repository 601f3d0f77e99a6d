package com.catalogimage.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.Product;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rewrites of refused prompts and template ideas against the emulator, through openai-java. */
class ChatModelTextTasksTest {

    static final Product JEANS = new Product(12, "Blue Denim Jeans", "Classic five-pocket jeans in washed blue denim.", 4,
            "Clothing", "denim,jeans");
    static final String REFUSED = "Create a clean product photo for an online store.\n\nProduct Name: Blue Denim Jeans\n"
            + "Description: Classic five-pocket JEANS in washed blue denim.\nCategory: Clothing\n\nPlain white background.";

    static ImageApiEmulator emulator;
    static ChatModel chat;

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
        chat = new ChatModel(ChatModelJudgeTest.settings(emulator, ChatSettings.PathMode.LEGACY, 0), new TestPricing());
    }

    @AfterAll
    static void stop() {
        chat.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.stats().reset();
    }

    @Test
    void aRewriteDropsTheImageFiltersBlockedTermsAndKeepsTheRest() {
        Rewrite rewrite = chat.rewrite(REFUSED, JEANS, "content_policy_violation: Your request was rejected");

        assertThat(rewrite.prompt()).doesNotContainIgnoringCase("jeans")
                .contains("Product Name: Blue Denim", "washed blue denim", "Category: Clothing", "\n")
                .isEqualTo(OperatorText.prompt(rewrite.prompt()));
        assertThat(rewrite.explanation()).contains("jeans").doesNotContain("\n");
        assertThat(rewrite.usage().model()).isEqualTo("gpt-5-mini");
        assertThat(rewrite.usage().promptTokens()).isPositive();
        assertThat(rewrite.usage().completionTokens()).isPositive();
        assertThat(rewrite.usage().costUsd()).isPositive();
        assertThat(emulator.stats().chatCompletionsBySchema()).containsEntry("prompt_rewrite", 1L);
    }

    @Test
    void aRewrittenPromptPassesTheImageFilter() {
        String rewritten = chat.rewrite(REFUSED, JEANS, null).prompt();
        String blocked = emulator.config().blockedTerms().get(0);
        assertThat(rewritten.toLowerCase()).doesNotContain(blocked);
    }

    @Test
    void ideasComeInTheCountAskedEachATemplateNamingTheProduct() {
        for (int count = 1; count <= 6; count++) {
            PromptIdeas ideas = chat.ideas("Home & Kitchen", count == 2 ? JEANS : null, count);
            assertThat(ideas.ideas()).hasSize(count);
            assertThat(ideas.ideas()).allSatisfy(idea -> {
                assertThat(idea.template()).contains("{name}").isEqualTo(OperatorText.prompt(idea.template()));
                assertThat(idea.name()).isNotBlank().doesNotContain("\n").hasSizeLessThanOrEqualTo(ChatModel.MAX_IDEA_NAME);
                assertThat(idea.style()).doesNotContain("\n").hasSizeLessThanOrEqualTo(ChatModel.MAX_IDEA_STYLE);
            });
            assertThat(ideas.ideas()).extracting(PromptIdeas.Idea::template).doesNotHaveDuplicates();
            assertThat(ideas.usage().costUsd()).isPositive();
        }
    }

    @Test
    void aCountOutsideOneToSixIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> chat.ideas("Home", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chat.ideas("Home", null, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThat(emulator.stats().chatCompletions()).isZero();
    }
}
