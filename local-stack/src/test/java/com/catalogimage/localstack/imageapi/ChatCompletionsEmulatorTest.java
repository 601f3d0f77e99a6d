package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.images.ImageGenerateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat and vision emulator through openai-java 4.101.0 (the client pipeline-chat uses), plus raw HTTP where headers
 * and exact error bodies matter: Azure's chat completions dialect and the steering of issue 13's contract.
 */
class ChatCompletionsEmulatorTest {

    static final String KEY = ImageApiEmulatorTest.KEY;
    static final String CHAT = "gpt-5-mini";
    static final String LEGACY_CHAT = "/openai/deployments/gpt-5-mini/chat/completions?api-version=2025-04-01-preview";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static ImageApiEmulator emulator;
    static OpenAIClient legacy;
    static OpenAIClient unified;
    static OpenAIClient bearer;

    @BeforeAll
    static void start() {
        emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults());
        legacy = AzureClients.legacy(emulator.baseUri().toString(), KEY).build();
        unified = AzureClients.unified(emulator.baseUri().toString(), KEY).build();
        bearer = AzureClients.legacyBearer(emulator.baseUri().toString(), KEY).build();
    }

    @AfterAll
    static void stop() {
        legacy.close();
        unified.close();
        bearer.close();
        emulator.close();
    }

    @AfterEach
    void clean() {
        emulator.faults().clear();
        emulator.visionRules().clear();
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(CHAT, 0)
                .withChatBlockedTerms(List.of()).withChatRefusalTerms(List.of()));
        emulator.stats().reset();
    }

    // --- helpers ---

    static Map<String, Object> verdictSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String check : List.of("matchesProduct", "noTextOrLogos", "plainBackground", "wholeAndCentred")) {
            properties.put(check, Map.of("type", "boolean"));
        }
        properties.put("reasons", Map.of("type", "array", "items", Map.of("type", "string")));
        properties.put("altText", Map.of("type", "string"));
        return object(properties);
    }

    static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        schema.put("additionalProperties", false);
        return schema;
    }

    static ResponseFormatJsonSchema format(String name, Map<String, Object> schema) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder builder = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        schema.forEach((key, value) -> builder.putAdditionalProperty(key, JsonValue.from(value)));
        return ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name(name)
                .strict(true).schema(builder.build()).build()).build();
    }

    static byte[] image(String prompt, ImageGenerateParams.OutputFormat format) {
        return Base64.getDecoder().decode(legacy.images().generate(ImageGenerateParams.builder().model("gpt-image-1-mini")
                .prompt(prompt).outputFormat(format).quality(ImageGenerateParams.Quality.LOW).build())
                .data().orElseThrow().get(0).b64Json().orElseThrow());
    }

    static ChatCompletionCreateParams.Builder judge(String model, byte[] image, String mime, String detail) {
        String text = "Judge.\n<product>\nName: Lava <b>Lamp</b>\nDescription: A glass lamp, see https://x.example/ "
                + "for more\nCategory: Home\n</product>\n";
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("You check catalog images.")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(text).build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(image))
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.of(detail)).build())
                                .build())))
                .responseFormat(format("quality_verdict", verdictSchema()))
                .maxCompletionTokens(2000);
    }

    static JsonNode content(ChatCompletion completion) throws Exception {
        return JsonHttpServer.JSON.readTree(completion.choices().get(0).message().content().orElseThrow());
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + path)).header("api-key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode error(OpenAIServiceException e) {
        return ImageApiEmulatorTest.errorBody(e);
    }

    static String simpleBody(String extra) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]" + extra + "}";
    }

    // --- the verdict, steered ---

    @Test
    void aVerdictPassesWithHostileAltTextAndUsageCountingTheLowDetailImage() throws Exception {
        byte[] png = image("Product Name: Lava Lamp", ImageGenerateParams.OutputFormat.PNG);
        ChatCompletion completion = legacy.chat().completions().create(judge(CHAT, png, "image/png", "low").build());

        JsonNode verdict = content(completion);
        assertThat(verdict.path("matchesProduct").asBoolean()).isTrue();
        assertThat(verdict.path("noTextOrLogos").asBoolean()).isTrue();
        assertThat(verdict.path("plainBackground").asBoolean()).isTrue();
        assertThat(verdict.path("wholeAndCentred").asBoolean()).isTrue();
        assertThat(verdict.path("reasons")).isEmpty();
        // unescaped on purpose: the pipeline's cleaning must deal with it
        assertThat(verdict.path("altText").asText()).isEqualTo("Image of Lava <b>Lamp</b>, A glass lamp, see "
                + "https://x.example/ for more");
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(completion.choices().get(0).message().refusal()).isEmpty();
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isGreaterThan(ChatCompletionsHandler.LOW_DETAIL_IMAGE_TOKENS);
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(emulator.stats().chatCompletionsForDeployment(CHAT)).isEqualTo(1);
        assertThat(emulator.stats().chatCompletionsBySchema()).containsEntry("quality_verdict", 1L);
        assertThat(emulator.stats().generations()).as("a chat completion is no paid image").isEqualTo(1);
    }

    @Test
    void aHighDetailImageCostsMoreThanALowDetailOne() {
        byte[] png = image("Product Name: Lava Lamp", ImageGenerateParams.OutputFormat.PNG);
        long low = legacy.chat().completions().create(judge(CHAT, png, "image/png", "low").build()).usage()
                .orElseThrow().promptTokens();
        long high = legacy.chat().completions().create(judge(CHAT, png, "image/png", "high").build()).usage()
                .orElseThrow().promptTokens();
        // 1024x1024 is scaled to 768x768: four 512px tiles of 170 tokens on top of the base 85
        assertThat(high - low).isEqualTo(4 * 170);
    }

    @Test
    void aVisionRuleFailsItsCheckForTheImagesWhosePromptHasTheTermThenLapses() throws Exception {
        emulator.visionRules().fail("LAVA", 2, VisionRules.Check.noTextOrLogos)
                .fail("lamp", 1, "wholeAndCentred");
        byte[] jpeg = image("Product Name: Lava Lamp", ImageGenerateParams.OutputFormat.JPEG);

        JsonNode first = content(unified.chat().completions().create(judge(CHAT, jpeg, "image/jpeg", "low").build()));
        assertThat(first.path("noTextOrLogos").asBoolean()).isFalse();
        assertThat(first.path("wholeAndCentred").asBoolean()).isFalse();
        assertThat(first.path("matchesProduct").asBoolean()).isTrue();
        assertThat(first.path("reasons")).hasSize(2);

        JsonNode second = content(unified.chat().completions().create(judge(CHAT, jpeg, "image/jpeg", "low").build()));
        assertThat(second.path("noTextOrLogos").asBoolean()).isFalse();
        assertThat(second.path("wholeAndCentred").asBoolean()).isTrue();

        JsonNode third = content(unified.chat().completions().create(judge(CHAT, jpeg, "image/jpeg", "low").build()));
        assertThat(third.path("noTextOrLogos").asBoolean()).isTrue();
        assertThat(emulator.visionRules().describe()).isEmpty();
    }

    @Test
    void anImageWithoutAMatchingPromptPassesAndAnAlwaysRuleNeverLapses() throws Exception {
        emulator.visionRules().fail("lava", -1, VisionRules.Check.plainBackground);
        byte[] other = image("Product Name: Desk Fan", ImageGenerateParams.OutputFormat.PNG);
        byte[] lava = image("Product Name: Lava Lamp", ImageGenerateParams.OutputFormat.PNG);
        assertThat(content(legacy.chat().completions().create(judge(CHAT, other, "image/png", "low").build()))
                .path("plainBackground").asBoolean()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(content(legacy.chat().completions().create(judge(CHAT, lava, "image/png", "low").build()))
                    .path("plainBackground").asBoolean()).isFalse();
        }
    }

    @Test
    void theAnswerHasExactlyTheShapeOfTheSchemaTheClientSent() throws Exception {
        Map<String, Object> narrower = object(new LinkedHashMap<>(Map.of("noTextOrLogos", Map.of("type", "boolean"),
                "extra", Map.of("type", "string"))));
        byte[] png = image("Product Name: Lava Lamp", ImageGenerateParams.OutputFormat.PNG);
        JsonNode answer = content(legacy.chat().completions().create(judge(CHAT, png, "image/png", "low")
                .responseFormat(format("quality_verdict", narrower)).build()));
        assertThat(answer.size()).isEqualTo(2);
        assertThat(answer.path("noTextOrLogos").asBoolean()).isTrue();
        assertThat(answer.path("extra").asText()).isEmpty();
    }

    // --- the two text tasks ---

    @Test
    void aRewriteDropsTheImageFiltersTermsAndIdeasComeInTheCountAsked() throws Exception {
        Map<String, Object> rewrite = object(new LinkedHashMap<>(Map.of("prompt", Map.of("type", "string"),
                "explanation", Map.of("type", "string"))));
        JsonNode answer = content(legacy.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("<refused_prompt>\nProduct Name: Blue Denim Jeans\nSlim JEANS, blue.\n</refused_prompt>")
                .responseFormat(format("prompt_rewrite", rewrite)).build()));
        assertThat(answer.path("prompt").asText()).isEqualTo("Product Name: Blue Denim\nSlim, blue.");
        assertThat(answer.path("explanation").asText()).contains("jeans");

        Map<String, Object> idea = object(new LinkedHashMap<>(Map.of("name", Map.of("type", "string"),
                "style", Map.of("type", "string"), "template", Map.of("type", "string"))));
        Map<String, Object> ideas = object(Map.of("ideas", Map.of("type", "array", "items", idea)));
        JsonNode four = content(unified.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("Count: 4\n<product>\nCategory: Toys\n</product>")
                .responseFormat(format("prompt_ideas", ideas)).build()));
        assertThat(four.path("ideas")).hasSize(4);
        four.path("ideas").forEach(i -> assertThat(i.path("template").asText()).contains("{name}"));
    }

    // --- Azure's errors ---

    @Test
    void theGpt5FamilyRefusesMaxTokensAndANonDefaultTemperature() {
        ChatCompletionCreateParams.Builder base = ChatCompletionCreateParams.builder().model(CHAT).addUserMessage("hi");
        assertThatThrownBy(() -> legacy.chat().completions().create(base.maxTokens(100).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("unsupported_parameter");
                    assertThat(error(e).path("param").asText()).isEqualTo("max_tokens");
                    assertThat(error(e).path("message").asText()).contains("max_completion_tokens");
                });
        ChatCompletionCreateParams.Builder cold = ChatCompletionCreateParams.builder().model(CHAT).addUserMessage("hi")
                .maxCompletionTokens(100);
        assertThatThrownBy(() -> legacy.chat().completions().create(cold.temperature(0.2).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).contains("unsupported_value"));
        assertThat(legacy.chat().completions().create(cold.temperature(1.0).build()).choices()).hasSize(1);
    }

    @Test
    void anUnknownDeploymentIs404AndAnImageModelCannotChatNorAChatModelDraw() {
        assertThatThrownBy(() -> legacy.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-5-nope").addUserMessage("hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("DeploymentNotFound"));
        assertThatThrownBy(() -> unified.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-image-1-mini").addUserMessage("hi").build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).contains("OperationNotSupported"));
        assertThatThrownBy(() -> legacy.images().generate(ImageGenerateParams.builder().model(CHAT).prompt("a mug")
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).contains("OperationNotSupported"));
        assertThat(emulator.stats().generations()).isZero();
    }

    @Test
    void aBrokenDataUrlIsInvalidImage() throws Exception {
        String broken = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,%s\",\"detail\":\"low\"}}]}]}";
        HttpResponse<String> notBase64 = post(LEGACY_CHAT, String.format(broken, "***"));
        HttpResponse<String> notAnImage = post(LEGACY_CHAT, String.format(broken,
                Base64.getEncoder().encodeToString("just text".getBytes())));
        for (HttpResponse<String> response : List.of(notBase64, notAnImage)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JsonHttpServer.JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("invalid_image");
        }
    }

    @Test
    void aStrictSchemaThatIsNotClosedIsRefused() {
        Map<String, Object> open = new LinkedHashMap<>(verdictSchema());
        open.remove("additionalProperties");
        assertThatThrownBy(() -> legacy.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("hi").responseFormat(format("quality_verdict", open)).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(error(e).path("message").asText()).contains("additionalProperties"));
    }

    @Test
    void theContentFilterAnswersAzuresChatBody() throws Exception {
        emulator.configure(ImageApiEmulator.Config.change().withChatBlockedTerms(List.of("Forbidden")));
        HttpResponse<String> response = post(LEGACY_CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"a forbidden thing\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JsonHttpServer.JSON.readTree(response.body()).get("error");
        assertThat(error.path("code").asText()).isEqualTo("content_filter");
        assertThat(error.at("/innererror/code").asText()).isEqualTo("ResponsibleAIPolicyViolation");
        assertThat(error.at("/innererror/content_filter_result/violence/filtered").asBoolean()).isTrue();
        assertThat(emulator.stats().chatCompletions()).isZero();
    }

    @Test
    void aRefusalTermGetsARefusalAndNoContent() {
        emulator.configure(ImageApiEmulator.Config.change().withChatRefusalTerms(List.of("decline")));
        ChatCompletion completion = legacy.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("please decline").build());
        assertThat(completion.choices().get(0).message().refusal()).hasValue(ChatCompletionsHandler.REFUSAL);
        assertThat(completion.choices().get(0).message().content()).isEmpty();
    }

    @Test
    void theRateLimitAnswers429WithBothRetryHeaders() throws Exception {
        emulator.configure(ImageApiEmulator.Config.change().withRequestsPerMinute(CHAT, 6));
        assertThat(post(LEGACY_CHAT, simpleBody("")).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = post(LEGACY_CHAT, simpleBody(""));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
        assertThat(Long.parseLong(throttled.headers().firstValue("retry-after-ms").orElseThrow())).isBetween(1L, 10_000L);
        assertThat(JsonHttpServer.JSON.readTree(throttled.body()).at("/error/message").asText())
                .contains("ChatCompletions_Create");
        assertThatThrownBy(() -> unified.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("hi").build())).isInstanceOf(RateLimitException.class);
        assertThat(emulator.stats().throttled(CHAT)).isEqualTo(2);
    }

    @Test
    void injectedFaultsAndTheDelayApplyPerDeployment() throws Exception {
        emulator.faults().forDeployment(CHAT).failNext(503, 1);
        assertThat(post(LEGACY_CHAT, simpleBody("")).statusCode()).isEqualTo(503);
        assertThat(post(LEGACY_CHAT, simpleBody("")).statusCode()).isEqualTo(200);
        emulator.faults().forDeployment("gpt-image-1-mini").failNext(500, 1);
        assertThat(post(LEGACY_CHAT, simpleBody("")).statusCode()).as("another deployment's fault").isEqualTo(200);
        emulator.faults().forDeployment(CHAT).delay(java.time.Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(post(LEGACY_CHAT, simpleBody("")).statusCode()).isEqualTo(200);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void authIsTheImageRoutesAndTheLegacyPathNeedsAnApiVersion() throws Exception {
        assertThat(bearer.chat().completions().create(ChatCompletionCreateParams.builder().model(CHAT)
                .addUserMessage("hi").build()).choices()).hasSize(1);
        try (AzureClients.Closing wrong = AzureClients.closing(AzureClients.legacy(emulator.baseUri().toString(), "x"))) {
            assertThatThrownBy(() -> wrong.client().chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(CHAT).addUserMessage("hi").build())).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(post("/openai/deployments/gpt-5-mini/chat/completions", simpleBody("")).statusCode()).isEqualTo(404);
        HttpResponse<String> noModel = post("/openai/v1/chat/completions", simpleBody(""));
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(JsonHttpServer.JSON.readTree(noModel.body()).at("/error/param").asText()).isEqualTo("model");
    }
}
