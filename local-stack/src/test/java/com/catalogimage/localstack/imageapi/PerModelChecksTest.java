package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generations checked against each deployment's model, through openai-java as the generator sends them. */
class PerModelChecksTest {

    static ImageApiEmulator emulator;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults()
                .withDeployment(new ImageApiEmulator.Deployment("old-dalle", "dall-e-3", 0, false)));
        client = AzureClients.legacy(emulator.baseUri().toString(), ImageApiEmulatorTest.KEY).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.stats().reset();
        emulator.configure(ImageApiEmulator.Config.change()
                .withPolicyErrorStyle(ImageApiEmulator.PolicyErrorStyle.MODEL_DEFAULT));
    }

    static ImageGenerateParams.Builder params(String deployment) {
        return ImageGenerateParams.builder().model(deployment).prompt(ImageApiEmulatorTest.prompt("Yoga Mat", "Sports"))
                .quality(ImageGenerateParams.Quality.LOW);
    }

    static JsonNode error(BadRequestException e) {
        return ImageApiEmulatorTest.errorBody(e);
    }

    @Test
    void gptImage2RendersAFlexibleSizeAndReportsItsTokens() throws Exception {
        ImagesResponse response = client.images().generate(params("gpt-image-2")
                .size(ImageGenerateParams.Size.of("2048x1152")).build());
        byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        BufferedImage image = ImageApiEmulatorTest.decode(png);
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(1152);
        assertThat(response.size().orElseThrow().asString()).isEqualTo("2048x1152");
        assertThat(response.usage().orElseThrow().outputTokens()).as("200 at 1024x1024, scaled by pixels")
                .isEqualTo(Math.round(200 * 2048.0 * 1152 / (1024 * 1024)));
    }

    @Test
    void gptImage2RefusesASizeOffTheGridWithTheReason() {
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-2")
                .size(ImageGenerateParams.Size.of("1792x936")).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("invalid_value");
                    assertThat(e.param()).contains("size");
                    assertThat(e.type()).contains("invalid_request_error");
                    assertThat(error(e).get("message").asText())
                            .isEqualTo("Invalid size '1792x936'. Width and height must both be divisible by 16.");
                });
        assertThat(emulator.stats().generations()).isZero();
    }

    @Test
    void the1xModelsKeepTheirFixedSizes() {
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-1.5")
                .size(ImageGenerateParams.Size.of("2048x2048")).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("size");
                    assertThat(error(e).get("message").asText()).contains("'2048x2048'").contains("'1024x1536'");
                });
    }

    @Test
    void gptImage2HasNoTransparentBackground() {
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-2")
                .background(ImageGenerateParams.Background.TRANSPARENT).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("background");
                    assertThat(error(e).get("message").asText()).contains("'transparent'").contains("'opaque'");
                });
    }

    @Test
    void moderationIsAutoOrLowAndNotADallEParameter() {
        assertThat(client.images().generate(params("gpt-image-2").moderation(ImageGenerateParams.Moderation.LOW).build())
                .data().orElseThrow()).hasSize(1);
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-2")
                .moderation(ImageGenerateParams.Moderation.of("strict")).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("moderation"));
        assertThatThrownBy(() -> client.images().generate(ImageGenerateParams.builder().model("old-dalle").prompt("a mug")
                .moderation(ImageGenerateParams.Moderation.LOW).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("unknown_parameter");
                    assertThat(error(e).get("message").asText()).isEqualTo("Unknown parameter: 'moderation'.");
                });
    }

    @Test
    void inputFidelityIsAnEditsParameterOnly() {
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-1.5")
                .putAdditionalBodyProperty("input_fidelity", JsonValue.from("high")).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("unknown_parameter");
                    assertThat(e.param()).contains("input_fidelity");
                });
    }

    @Test
    void moreThanTenImagesIsRefused() {
        assertThatThrownBy(() -> client.images().generate(params("gpt-image-2").n(11).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).contains("integer_above_max_value"));
    }

    @Test
    void aBlockedPromptIsModerationBlockedOnGptImage2AndTheStyleCanBeForced() {
        ImageGenerateParams jeans = ImageGenerateParams.builder().model("gpt-image-2")
                .prompt(ImageApiEmulatorTest.prompt("Blue Denim Jeans", "Clothing"))
                .putAdditionalHeader("x-ms-client-request-id", "req-42").build();
        assertThatThrownBy(() -> client.images().generate(jeans))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("moderation_blocked");
                    assertThat(e.type()).contains("image_generation_user_error");
                    assertThat(error(e).get("message").asText()).startsWith("Your request was rejected by the safety system.")
                            .contains("req-42").contains("safety_violations=[sexual]");
                    assertThat(error(e).at("/moderation_details/categories/0").asText()).isEqualTo("sexual");
                });
        emulator.configure(ImageApiEmulator.Config.change()
                .withPolicyErrorStyle(ImageApiEmulator.PolicyErrorStyle.MODERATION_BLOCKED));
        assertThatThrownBy(() -> client.images().generate(ImageGenerateParams.builder().model("gpt-image-1-mini")
                .prompt("Blue Denim Jeans").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).contains("moderation_blocked"));
        emulator.configure(ImageApiEmulator.Config.change()
                .withPolicyErrorStyle(ImageApiEmulator.PolicyErrorStyle.CONTENT_POLICY_VIOLATION));
        assertThatThrownBy(() -> client.images().generate(jeans))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).contains("content_policy_violation"));
        assertThat(emulator.stats().generations()).isZero();
        assertThat(List.of(emulator.stats().responses(400))).containsExactly(3L);
    }
}
