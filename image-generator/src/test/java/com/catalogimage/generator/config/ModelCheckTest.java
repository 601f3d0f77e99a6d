package com.catalogimage.generator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generator's own check of its settings against the model's profile: at start-up and per request. */
class ModelCheckTest {

    private static final ImageModels MODELS = ImageModels.defaults();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static ModelCheck.Configured gptImage2(String size) {
        return new ModelCheck.Configured("gpt-image-2", size, "low", "png", null, null, null, 1, false);
    }

    private static Optional<String> startup(ModelCheck.Configured configured) {
        return ModelCheck.startupProblem(configured, MODELS.profile(configured.model()), MODELS.profiles().keySet(),
                TODAY);
    }

    @Test
    void gptImage2SizesWithinItsRuleStart() {
        for (String size : new String[] {"1024x1024", "1536x1024", "2048x2048", "3840x2160", "3840x1280", "auto"}) {
            assertThat(startup(gptImage2(size))).as(size).isEmpty();
        }
    }

    @Test
    void gptImage2SizesOutsideItsRuleStopTheStartWithOneLineNamingTheSettingAndTheRule() {
        assertThat(startup(gptImage2("1000x1000"))).hasValueSatisfying(line -> assertThat(line)
                .startsWith("IMAGE_SIZE=1000x1000: gpt-image-2 takes sizes with edges multiples of 16")
                .contains("not '1000x1000'").doesNotContain("\n"));
        assertThat(startup(gptImage2("4096x1024"))).as("edge and ratio").isPresent();
        assertThat(startup(gptImage2("512x512"))).as("too few pixels").isPresent();
        assertThat(startup(gptImage2("1024x1536x2"))).as("not a size").isPresent();
    }

    @Test
    void everyMisfitIsNamedByTheSettingAnOperatorSets() {
        ModelCheck.Configured c = new ModelCheck.Configured("gpt-image-2", "1024x1024", "ultra", "webp", "transparent",
                150, "strict", 1, false);
        String line = startup(c).orElseThrow();
        assertThat(line).contains("IMAGE_QUALITY=ultra: gpt-image-2 takes quality low|medium|high|auto")
                .contains("IMAGE_OUTPUT_FORMAT=webp: gpt-image-2 outputs png|jpeg")
                .contains("generator.background=transparent: gpt-image-2 takes background opaque|auto")
                .contains("generator.output-compression=150: output_compression is 0-100")
                .contains("IMAGE_MODERATION=strict: moderation is auto|low")
                .doesNotContain("\n");
    }

    @Test
    void moderationAndVariantsWithinTheirRangesStart() {
        assertThat(startup(new ModelCheck.Configured("gpt-image-2", "1024x1024", "low", "png", null, null, "low", 4,
                true))).isEmpty();
        assertThat(startup(new ModelCheck.Configured("gpt-image-2", "1024x1024", "low", "png", null, null, null, 5,
                false))).hasValue("IMAGE_VARIANTS=5: 1 to 4 images per call");
        assertThat(startup(new ModelCheck.Configured("gpt-image-2", "1024x1024", "low", "png", null, null, null, 0,
                false))).isPresent();
    }

    @Test
    void anUnknownOrRetiredModelDoesNotStart() {
        assertThat(startup(new ModelCheck.Configured("gpt-image-9", "1024x1024", "low", "png", null, null, null, 1,
                false))).hasValueSatisfying(line -> assertThat(line)
                        .startsWith("IMAGE_MODEL=gpt-image-9 has no profile in image-models.profiles (known: ")
                        .contains("gpt-image-2"));
        assertThat(startup(new ModelCheck.Configured("dall-e-3", "1024x1024", "standard", null, null, null, null, 1,
                false))).hasValueSatisfying(line -> assertThat(line)
                        .startsWith("IMAGE_MODEL=dall-e-3 retired on 2026-03-04"));
    }

    @Test
    void aModelRetiringWithinSixtyDaysIsWarnedAboutWithItsDate() {
        ImageModelProfile soon = MODELS.profile("gpt-image-1.5").orElseThrow();
        assertThat(ModelCheck.retirementWarning(soon, TODAY)).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("IMAGE_MODEL=gpt-image-1.5 retires on 2026-12-16, in 15 day(s)"));
        assertThat(startup(new ModelCheck.Configured("gpt-image-1.5", "1024x1024", "low", "png", null, null, null, 1,
                false))).as("still starts").isEmpty();
        assertThat(ModelCheck.retirementWarning(MODELS.profile("gpt-image-2").orElseThrow(), TODAY)).isEmpty();
        assertThat(ModelCheck.retirementWarning(MODELS.profile("gpt-image-1-mini").orElseThrow(), TODAY))
                .as("2027-04-07 is further than 60 days").isEmpty();
    }

    @Test
    void aRequestThatNeedsEditsOnAModelWithoutThemIsAnInvalidRequest() {
        ImageModelProfile dallE = MODELS.profile("dall-e-3").orElseThrow();
        ModelCheck.Configured c = new ModelCheck.Configured("dall-e-3", "1024x1024", "standard", null, null, null, null,
                1, false);
        assertThat(ModelCheck.requestProblem(dallE, c, true, 100)).hasValueSatisfying(why -> assertThat(why)
                .contains("dall-e-3 does not answer /images/edits"));
        assertThat(ModelCheck.requestProblem(dallE, c, false, 100)).isEmpty();
        ImageModelProfile gpt2 = MODELS.profile("gpt-image-2").orElseThrow();
        assertThat(ModelCheck.requestProblem(gpt2, gptImage2("1024x1024"), true, 100)).isEmpty();
    }

    @Test
    void aPromptLongerThanTheModelTakesIsAnInvalidRequest() {
        ImageModelProfile gpt2 = MODELS.profile("gpt-image-2").orElseThrow();
        assertThat(ModelCheck.requestProblem(gpt2, gptImage2("1024x1024"), false, 32_000)).isEmpty();
        assertThat(ModelCheck.requestProblem(gpt2, gptImage2("1024x1024"), false, 32_001))
                .hasValue("the prompt has 32001 characters, gpt-image-2 takes at most 32000");
    }

    @Test
    void inputFidelityIsAskedForOnEditsOnlyWhereTheModelTakesIt() {
        ModelCheck.Configured c = gptImage2("1024x1024");
        assertThat(ModelCheck.settings(c, MODELS.profile("gpt-image-2").orElseThrow(), true).inputFidelity()).isNull();
        assertThat(ModelCheck.settings(c, MODELS.profile("gpt-image-1.5").orElseThrow(), true).inputFidelity())
                .isEqualTo("high");
        assertThat(ModelCheck.settings(c, MODELS.profile("gpt-image-1.5").orElseThrow(), false).inputFidelity())
                .isNull();
    }
}
