package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator's own table of what each model takes (plain JUnit, no server). */
class ModelRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"auto", "1024x1024", "1536x1024", "1024x1536", "2048x2048", "3840x2160", "2160x3840",
            "1536x864", "2880x2880", "1024x640", "2400x800"})
    void gptImage2TakesTheseSizes(String size) {
        assertThat(ModelRules.flexibleSizeProblem(size)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "1792x936, divisible by 16",
            "1000x1000, divisible by 16",
            "4096x2048, longest edge",
            "2560x800, aspect ratio",
            "512x512, total number of pixels",
            "3856x2160, longest edge",
            "3200x2880, total number of pixels",
            "big, Expected 'auto'",
            "0x1024, Expected 'auto'"})
    void gptImage2RefusesTheseSizesSayingWhy(String size, String why) {
        assertThat(ModelRules.flexibleSizeProblem(size)).startsWith("Invalid size '" + size + "'").contains(why);
    }

    @ParameterizedTest
    @CsvSource({
            "gpt-image-2, GPT_IMAGE_2, true, false",
            "gpt-image-2.5-flare, GPT_IMAGE_2, true, false",
            "gpt-image-1.5, GPT_IMAGE_1, false, true",
            "gpt-image-1, GPT_IMAGE_1, false, true",
            "gpt-image-1-mini, GPT_IMAGE_1, false, true",
            "dall-e-3, DALL_E, false, false"})
    void familiesSizesAndFidelity(String model, ModelRules.Family family, boolean flexible, boolean fidelity) {
        ModelRules rules = ModelRules.of(model);
        assertThat(rules.family()).isEqualTo(family);
        assertThat(rules.flexibleSizes()).isEqualTo(flexible);
        assertThat(rules.takesInputFidelity()).isEqualTo(fidelity);
    }

    @ParameterizedTest
    @CsvSource({"gpt-image-1-mini, low", "gpt-image-1, low|high", "gpt-image-1.5, low|high"})
    void inputFidelityValues(String model, String values) {
        assertThat(String.join("|", ModelRules.of(model).inputFidelities())).isEqualTo(values);
    }

    @ParameterizedTest
    @CsvSource({"gpt-image-2, false", "gpt-image-1.5, true", "gpt-image-1-mini, true", "dall-e-3, false"})
    void onlyThe1xModelsTakeATransparentBackground(String model, boolean transparent) {
        assertThat(ModelRules.of(model).backgrounds().contains("transparent")).isEqualTo(transparent);
    }
}
