package com.catalogimage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shipped model profiles and the decisions made from them. */
class ImageModelProfileTest {

    private static final ImageModels MODELS = ImageModels.defaults();

    private static ImageModelProfile.Settings size(String size) {
        return new ImageModelProfile.Settings(size, "low", "png", null, null, null, null, 1, false);
    }

    @Test
    void gptImage2TakesFlexibleSizesWithinItsRule() {
        ImageModelProfile profile = MODELS.profile("gpt-image-2").orElseThrow();
        assertThat(profile.problems(size("1024x1024"))).isEmpty();
        assertThat(profile.problems(size("2048x1152"))).isEmpty();
        assertThat(profile.problems(size("3840x2160"))).isEmpty();
        assertThat(profile.problems(size("auto"))).isEmpty();
        assertThat(profile.problems(size("1000x1000"))).singleElement().asString().contains("multiples of 16");
        assertThat(profile.problems(size("3840x1024"))).as("3.75:1").hasSize(1);
        assertThat(profile.problems(size("512x512"))).as("too few pixels").hasSize(1);
        assertThat(profile.problems(size("4096x2048"))).as("edge over 3840").hasSize(1);
        assertThat(profile.problems(size("big"))).singleElement().asString().contains("WIDTHxHEIGHT");
    }

    @Test
    void theOneXModelsTakeOnlyTheirFixedSizes() {
        ImageModelProfile mini = MODELS.profile("gpt-image-1-mini").orElseThrow();
        assertThat(mini.problems(size("1536x1024"))).isEmpty();
        assertThat(mini.problems(size("2048x2048"))).singleElement().asString()
                .isEqualTo("gpt-image-1-mini takes size 1024x1024|1024x1536|1536x1024|auto, not '2048x2048'");
    }

    @Test
    void aParameterTheModelDoesNotTakeIsNamed() {
        ImageModelProfile two = MODELS.profile("gpt-image-2").orElseThrow();
        var transparent = new ImageModelProfile.Settings("1024x1024", "low", "png", "transparent", null, "low", "high", 2,
                true);
        assertThat(two.problems(transparent)).containsExactly(
                "gpt-image-2 takes background opaque|auto, not 'transparent'",
                "gpt-image-2 does not take input_fidelity");
        ImageModelProfile dallE = MODELS.profile("dall-e-3").orElseThrow();
        var four = new ImageModelProfile.Settings("1024x1024", "standard", null, null, null, "low", null, 4, true);
        assertThat(dallE.problems(four)).containsExactly("dall-e-3 does not take moderation",
                "dall-e-3 makes 1 to 1 images per call, not 4",
                "dall-e-3 does not answer /images/edits (reference photos, restyles)");
    }

    @Test
    void tokenPricedModelsAreEstimatedFromExpectedTokensAndChargedByUsage() {
        ImageModelProfile two = MODELS.profile("gpt-image-2").orElseThrow();
        // 300 prompt tokens at $5/M + 200 output tokens at $30/M
        assertThat(two.estimate("low", "1024x1024", 1, false)).hasValueSatisfying(
                usd -> assertThat(usd).isEqualByComparingTo("0.0075"));
        // four images: four times the output tokens
        assertThat(two.estimate("low", "1024x1024", 4, false)).hasValueSatisfying(
                usd -> assertThat(usd).isEqualByComparingTo("0.0255"));
        // a reference photo adds 4,500 image input tokens at $8/M
        assertThat(two.estimate("low", "1024x1024", 1, true)).hasValueSatisfying(
                usd -> assertThat(usd).isEqualByComparingTo("0.0435"));
        assertThat(two.cost("low", "1024x1024", 1, false, 100L, 0L, 1000L)).hasValueSatisfying(
                usd -> assertThat(usd).isEqualByComparingTo("0.0305"));
        assertThat(MODELS.profile("dall-e-3").orElseThrow().estimate("hd", "1792x1024", 1, false))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("0.12"));
    }

    @Test
    void aModelRetiringWithinSixtyDaysIsFlagged() {
        LocalDate today = LocalDate.parse("2026-12-01");
        assertThat(MODELS.profile("gpt-image-1.5").orElseThrow().retiresWithinWarning(today)).hasValue(15L);
        assertThat(MODELS.profile("gpt-image-1-mini").orElseThrow().retiresWithinWarning(today)).isEmpty();
        assertThat(MODELS.profile("gpt-image-2").orElseThrow().retiresWithinWarning(today)).isEmpty();
        assertThat(MODELS.profile("dall-e-3").orElseThrow().retiredBy(today)).isTrue();
        assertThat(MODELS.profile("unknown-model")).isEmpty();
    }
}
