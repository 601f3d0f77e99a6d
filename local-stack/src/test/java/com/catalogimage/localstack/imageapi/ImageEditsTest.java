package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.MultipartField;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImagesResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /images/edits} through openai-java 4.101.0 (the generator's client) and raw multipart where the bytes matter. */
class ImageEditsTest {

    static final String KEY = ImageApiEmulatorTest.KEY;
    static ImageApiEmulator emulator;
    static OpenAIClient legacy;
    static OpenAIClient unified;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static byte[] photo;
    static byte[] jpegPhoto;

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults()
                .withDeployment(ImageApiEmulator.Deployment.of("gpt-image-1")));
        legacy = AzureClients.legacy(emulator.baseUri().toString(), KEY).build();
        unified = AzureClients.unified(emulator.baseUri().toString(), KEY).build();
        ImageRenderer renderer = new ImageRenderer();
        photo = renderer.render(new ImageRenderer.Spec(1024, 1024, "png", false, 100, "Yoga Mat", "Sports", "supplier"));
        jpegPhoto = renderer.render(new ImageRenderer.Spec(1024, 1536, "jpeg", false, 90, "Yoga Mat", "Sports", "supplier"));
    }

    @AfterAll
    static void stop() {
        legacy.close();
        unified.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.faults().clear();
        emulator.stats().reset();
    }

    static MultipartField<ImageEditParams.Image> file(byte[] bytes, String name, String type) {
        return MultipartField.<ImageEditParams.Image>builder()
                .value(ImageEditParams.Image.ofInputStream(new ByteArrayInputStream(bytes)))
                .filename(name).contentType(type).build();
    }

    static String prompt() {
        return ImageApiEmulatorTest.prompt("Yoga Mat", "Sports & Outdoors");
    }

    static JsonNode error(OpenAIServiceException e) {
        return ImageApiEmulatorTest.errorBody(e);
    }

    // --- through openai-java ---

    @Test
    void legacyEditWithOnePhotoIsAnsweredAndTheStatsHoldThePhotosBytes() throws IOException {
        ImagesResponse response = legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-1.5").prompt(prompt())
                .image(file(photo, "photo.png", "image/png"))
                .inputFidelity(ImageEditParams.InputFidelity.HIGH)
                .size(ImageEditParams.Size._1024X1024)
                .putAdditionalHeader("x-ms-client-request-id", "edit-1")
                .build());

        byte[] image = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        assertThat(ImageIO.read(new ByteArrayInputStream(image)).getWidth()).isEqualTo(1024);
        assertThat(PromptChunk.read(image)).isEqualTo(prompt());
        ImagesResponse.Usage usage = response.usage().orElseThrow();
        long imageTokens = usage.inputTokensDetails().imageTokens();
        assertThat(imageTokens).as("high fidelity: several thousand per reference").isEqualTo(581 + 4160);
        assertThat(usage.inputTokensDetails().textTokens()).isEqualTo((prompt().length() + 3) / 4);
        assertThat(usage.inputTokens()).isEqualTo(usage.inputTokensDetails().textTokens() + imageTokens);

        assertThat(emulator.stats().edits()).isEqualTo(1);
        assertThat(emulator.stats().generationsForRequestId("edit-1")).as("an edit is a paid generation").isEqualTo(1);
        ImageApiStats.ReceivedEdit edit = emulator.stats().receivedEdits().get(0);
        assertThat(edit.deployment()).isEqualTo("gpt-image-1.5");
        assertThat(edit.requestId()).isEqualTo("edit-1");
        assertThat(edit.inputFidelity()).isEqualTo("high");
        assertThat(edit.maskPresent()).isFalse();
        assertThat(edit.references()).singleElement().satisfies(ref -> {
            assertThat(ref.sha256()).isEqualTo(EditImages.sha256(photo));
            assertThat(ref.sizeBytes()).isEqualTo(photo.length);
            assertThat(ref.contentType()).isEqualTo("image/png");
            assertThat(ref.filename()).isEqualTo("photo.png");
            assertThat(ref.width()).isEqualTo(1024);
        });
    }

    @Test
    void unifiedEditOnGptImage2TakesSeveralReferencesAFlexibleSizeAndAMask() throws IOException {
        byte[] mask = new ImageRenderer().render(new ImageRenderer.Spec(1024, 1024, "png", true, 100, "m", "m", "m"));
        byte[] second = new ImageRenderer().render(new ImageRenderer.Spec(1024, 1536, "png", false, 100, "Yoga Mat", "Side",
                "supplier"));
        // one content type for every part of an array: openai-java sets it per field
        List<InputStream> streams = List.of(new ByteArrayInputStream(photo), new ByteArrayInputStream(second));
        ImagesResponse response = unified.images().edit(ImageEditParams.builder()
                .model("gpt-image-2").prompt(prompt())
                .image(MultipartField.<ImageEditParams.Image>builder()
                        .value(ImageEditParams.Image.ofInputStreams(streams)).contentType("image/png").build())
                .mask(MultipartField.<InputStream>builder().value(new ByteArrayInputStream(mask))
                        .filename("mask.png").contentType("image/png").build())
                .size(ImageEditParams.Size.of("1536x864"))
                .n(2)
                .putAdditionalBodyProperty("moderation", JsonValue.from("low"))
                .build());

        assertThat(response.data().orElseThrow()).hasSize(2);
        byte[] image = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        var decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(decoded.getWidth()).isEqualTo(1536);
        assertThat(decoded.getHeight()).isEqualTo(864);
        ImageApiStats.ReceivedEdit edit = emulator.stats().receivedEdits().get(0);
        assertThat(edit.references()).extracting(ImageApiStats.Reference::sha256)
                .containsExactly(EditImages.sha256(photo), EditImages.sha256(second));
        assertThat(edit.maskPresent()).isTrue();
        assertThat(edit.inputFidelity()).as("gpt-image-2 takes none").isNull();
        assertThat(edit.n()).isEqualTo(2);
        assertThat(response.usage().orElseThrow().inputTokensDetails().imageTokens())
                .as("gpt-image-2 edits are always at high fidelity").isGreaterThan(2 * 4000);
    }

    @Test
    void gptImage2RefusesInputFidelityInOpenAisWords() {
        assertThatThrownBy(() -> legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-2").prompt(prompt()).image(file(photo, "photo.png", "image/png"))
                .inputFidelity(ImageEditParams.InputFidelity.HIGH).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(error(e).get("code").asText()).isEqualTo("invalid_input_fidelity_model");
                    assertThat(error(e).get("param").asText()).isEqualTo("input_fidelity");
                    assertThat(error(e).get("message").asText())
                            .isEqualTo("The model 'gpt-image-2' does not support the 'input_fidelity' parameter.");
                });
        assertThat(emulator.stats().edits()).isZero();
    }

    @Test
    void gptImage1MiniTakesLowFidelityOnlyAndGptImage1TakesHigh() {
        assertThatThrownBy(() -> legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-1-mini").prompt(prompt()).image(file(photo, "photo.png", "image/png"))
                .inputFidelity(ImageEditParams.InputFidelity.HIGH).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(error(e).get("param").asText()).isEqualTo("input_fidelity"));
        legacy.images().edit(ImageEditParams.builder().model("gpt-image-1-mini").prompt(prompt())
                .image(file(photo, "photo.png", "image/png")).inputFidelity(ImageEditParams.InputFidelity.LOW).build());
        legacy.images().edit(ImageEditParams.builder().model("gpt-image-1").prompt(prompt())
                .image(file(photo, "photo.png", "image/png")).inputFidelity(ImageEditParams.InputFidelity.HIGH).build());
        assertThat(emulator.stats().receivedEdits()).extracting(ImageApiStats.ReceivedEdit::inputFidelity)
                .containsExactly("low", "high");
    }

    @Test
    void aPhotoSentWithoutAnImageTypeIsRefusedAsTheServiceDoes() {
        assertThatThrownBy(() -> legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-2").prompt(prompt()).image(photo).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(error(e).get("code").asText()).isEqualTo("unsupported_file_mimetype");
                    assertThat(error(e).get("message").asText()).contains("'application/octet-stream'");
                });
    }

    @Test
    void aBlockedPromptIsModerationBlockedOnGptImage2AndAContentPolicyViolationOnGptImage15() {
        String jeans = ImageApiEmulatorTest.prompt("Blue Denim Jeans", "Clothing");
        assertThatThrownBy(() -> legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-2").prompt(jeans).image(file(photo, "photo.png", "image/png")).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(error(e).get("code").asText()).isEqualTo("moderation_blocked");
                    assertThat(error(e).get("type").asText()).isEqualTo("image_generation_user_error");
                    assertThat(error(e).get("moderation_details").get("moderation_stage").asText()).isEqualTo("input");
                });
        assertThatThrownBy(() -> legacy.images().edit(ImageEditParams.builder()
                .model("gpt-image-1.5").prompt(jeans).image(file(photo, "photo.png", "image/png")).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(error(e).get("code").asText()).isEqualTo("content_policy_violation"));
    }

    // --- raw multipart, for what a client would not send ---

    record Part(String name, String filename, String type, byte[] data) {
        static Part text(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static HttpResponse<String> postForm(String path, List<Part> parts) throws Exception {
        String boundary = "----emulator-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"") + "\r\n"
                    + (part.type() == null ? "" : "Content-Type: " + part.type() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.data());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
                .header("api-key", KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode errorOf(HttpResponse<String> response) throws IOException {
        return com.catalogimage.localstack.http.JsonHttpServer.JSON.readTree(response.body()).get("error");
    }

    static final String LEGACY = "/openai/deployments/gpt-image-2/images/edits?api-version=2025-04-01-preview";

    @Test
    void aBrokenImagePartIsRefused() throws Exception {
        HttpResponse<String> response = postForm(LEGACY, List.of(Part.text("prompt", prompt()),
                new Part("image[]", "photo.png", "image/png", "not a png at all".getBytes(StandardCharsets.UTF_8))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("code").asText()).isEqualTo("invalid_image_file");
        assertThat(errorOf(response).get("param").asText()).isEqualTo("image[0]");
    }

    @Test
    void aMaskOfAnotherSizeIsRefused() throws Exception {
        byte[] small = new ImageRenderer().render(new ImageRenderer.Spec(512, 512, "png", true, 100, "m", "m", "m"));
        HttpResponse<String> response = postForm(LEGACY, List.of(Part.text("prompt", prompt()),
                new Part("image", "photo.png", "image/png", photo), new Part("mask", "mask.png", "image/png", small)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("param").asText()).isEqualTo("mask");
        assertThat(errorOf(response).get("message").asText()).contains("does not match image size");
    }

    @Test
    void seventeenImagesAreTooMany() throws Exception {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text("prompt", prompt()));
        for (int i = 0; i < EditImages.MAX_IMAGES + 1; i++) {
            parts.add(new Part("image[]", "p" + i + ".png", "image/png", photo));
        }
        HttpResponse<String> response = postForm(LEGACY, parts);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("code").asText()).isEqualTo("array_above_max_length");
    }

    @Test
    void noImageAtAllIsAMissingParameterAndJsonIsTheWrongContentType() throws Exception {
        HttpResponse<String> missing = postForm(LEGACY, List.of(Part.text("prompt", prompt())));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorOf(missing).get("code").asText()).isEqualTo("missing_required_parameter");

        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + LEGACY))
                .header("api-key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(errorOf(json).get("message").asText()).contains("expected multipart/form-data");
    }

    @Test
    void theV1PathNeedsTheModelFieldAndAnEditCountsTowardsTheRateLimit() throws Exception {
        HttpResponse<String> noModel = postForm("/openai/v1/images/edits", List.of(Part.text("prompt", prompt()),
                new Part("image", "photo.png", "image/png", photo)));
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(errorOf(noModel).get("param").asText()).isEqualTo("model");

        HttpResponse<String> ok = postForm("/openai/v1/images/edits", List.of(Part.text("model", "gpt-image-1"),
                Part.text("prompt", prompt()), Part.text("n", "1"), Part.text("input_fidelity", "low"),
                new Part("image", "photo.jpg", "image/jpeg", jpegPhoto)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(emulator.stats().receivedEdits().get(0).references().get(0).height()).isEqualTo(1536);
        JsonNode admin = com.catalogimage.localstack.http.JsonHttpServer.JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(emulator.baseUri() + "/admin/stats")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(admin.get("edits").asLong()).isEqualTo(1);
        assertThat(admin.at("/receivedEdits/0/references/0/sha256").asText()).isEqualTo(EditImages.sha256(jpegPhoto));
        assertThat(admin.at("/receivedEdits/0/inputFidelity").asText()).isEqualTo("low");

        emulator.faults().forDeployment("gpt-image-1").failNext(503, 1);
        HttpResponse<String> failed = postForm("/openai/v1/images/edits", List.of(Part.text("model", "gpt-image-1"),
                Part.text("prompt", prompt()), new Part("image", "photo.png", "image/png", photo)));
        assertThat(failed.statusCode()).as("injected faults apply to edits").isEqualTo(503);
    }

    @Test
    void dallE3DoesNoEdits() throws Exception {
        try (ImageApiEmulator live = ImageApiEmulator.start(ImageApiEmulator.Options.defaults()
                .withDeployment(ImageApiEmulator.Deployment.of("dall-e-3")))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(live.baseUri()
                            + "/openai/deployments/dall-e-3/images/edits?api-version=2025-04-01-preview"))
                    .header("api-key", KEY).header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n"
                            + "\r\nx\r\n--b--\r\n")).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(errorOf(response).get("code").asText()).isEqualTo("OperationNotSupported");
        }
    }
}
