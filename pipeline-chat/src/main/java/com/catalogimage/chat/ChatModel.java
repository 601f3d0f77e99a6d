package com.catalogimage.chat;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.ReasoningEffort;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.completions.CompletionUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The chat and vision model: one openai-java client per application (build one, close it on shutdown). Calls block
 * their thread (never call from the event loop). Every call asks for a structured answer (a strict JSON schema), so
 * the answer is parsed, never interpreted as free text, and everything in it is cleaned and bounded before it leaves
 * this class: model output is untrusted.
 */
public final class ChatModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChatModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Room for the answer and, on the gpt-5 family, the reasoning tokens that count against the same limit: the
     * verdict itself takes about 150 tokens.
     */
    static final long MAX_COMPLETION_TOKENS = 2_000;
    static final int MAX_EXPLANATION = 300;
    static final int MAX_IDEA_NAME = 60;
    static final int MAX_IDEA_STYLE = 120;
    static final int MAX_IDEAS = 6;
    static final String NAME_PLACEHOLDER = "{name}";

    private final ChatSettings settings;
    private final PricingConfig pricing;
    private final OpenAIClient client;

    /** With {@code settings.apiKey()} the {@code api-key} header; without it Entra ID tokens from azure-identity. */
    public ChatModel(ChatSettings settings, PricingConfig pricing) {
        this(settings, pricing, ChatClients.create(settings, ChatClients.credential(settings)));
    }

    /**
     * Bearer tokens from the caller's own source (e.g. a credential the service already holds), sent as
     * {@code Authorization: Bearer}; {@code settings.apiKey()} is ignored.
     */
    public ChatModel(ChatSettings settings, PricingConfig pricing, Supplier<String> bearerTokens) {
        this(settings, pricing, ChatClients.create(settings, ChatClients.bearer(bearerTokens)));
    }

    private ChatModel(ChatSettings settings, PricingConfig pricing, OpenAIClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.client = client;
    }

    /**
     * The quality check: one vision call (the image as a low-detail data URL) judging the image against the product
     * (matches name, description and category; no text, logos or watermarks; plain background; whole and centred),
     * with alt text. The verdict's alt text is cleaned by {@code AltText} (fallback: the product's name).
     *
     * @throws ChatException classified, after openai-java's retries
     */
    public QualityVerdict judge(byte[] image, String contentType, Product product, String promptAsSent) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(product, "product");
        String dataUrl = "data:" + imageType(image, contentType) + ";base64," + Base64.getEncoder().encodeToString(image);
        List<ChatCompletionContentPart> parts = List.of(
                ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                        .text(ChatPrompts.judgeMessage(product, promptAsSent)).build()),
                ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                        .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(dataUrl)
                                .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW).build())
                        .build()));
        ChatCompletionCreateParams.Builder params = params(ChatPrompts.JUDGE_INSTRUCTIONS, ChatPrompts.QUALITY_VERDICT,
                ChatPrompts.verdictSchema()).addUserMessageOfArrayOfContentParts(parts);
        Answer answer = call(params.build(), ChatPrompts.QUALITY_VERDICT);
        JsonNode json = answer.json();
        boolean matches = bool(json, "matchesProduct");
        boolean noText = bool(json, "noTextOrLogos");
        boolean plain = bool(json, "plainBackground");
        boolean whole = bool(json, "wholeAndCentred");
        boolean passed = matches && noText && plain && whole;
        List<String> reasons = new ArrayList<>();
        if (!passed) {
            for (JsonNode reason : json.path("reasons")) {
                if (reasons.size() == QualityVerdict.MAX_REASONS) {
                    break;
                }
                String line = ModelText.line(reason.asText(null), QualityVerdict.MAX_REASON_CHARS);
                if (line != null) {
                    reasons.add(line);
                }
            }
            if (reasons.isEmpty()) {
                reasons.add("Failed: " + failedChecks(matches, noText, plain, whole));
            }
        }
        String altText = AltText.clean(json.path("altText").asText(null), AltText.fallback(product));
        ChatUsage usage = answer.usage();
        return new QualityVerdict(passed ? QualityVerdict.Outcome.PASSED : QualityVerdict.Outcome.FAILED, matches,
                noText, plain, whole, reasons, altText, usage.model(), usage.promptTokens(), usage.completionTokens(),
                usage.costUsd(), 0);
    }

    /**
     * A rewrite of a prompt the image model refused (content policy), keeping the product's facts.
     *
     * @param refusal the refusal's code and message as the dead letter recorded it (may be null)
     * @throws ChatException classified
     */
    public Rewrite rewrite(String refusedPrompt, Product product, String refusal) {
        if (refusedPrompt == null || refusedPrompt.isBlank()) {
            throw new IllegalArgumentException("refusedPrompt must not be blank");
        }
        ChatCompletionCreateParams params = params(ChatPrompts.REWRITE_INSTRUCTIONS, ChatPrompts.PROMPT_REWRITE,
                ChatPrompts.rewriteSchema())
                .addUserMessage(ChatPrompts.rewriteMessage(refusedPrompt, product, refusal)).build();
        Answer answer = call(params, ChatPrompts.PROMPT_REWRITE);
        String prompt = OperatorText.prompt(answer.json().path("prompt").asText(null));
        if (prompt == null) {
            throw new ChatException(FailureClass.INVALID_REQUEST, "the chat model's rewrite has no prompt", null);
        }
        String explanation = ModelText.line(answer.json().path("explanation").asText(null), MAX_EXPLANATION);
        return new Rewrite(prompt, explanation == null ? "" : explanation, answer.usage());
    }

    /**
     * Template ideas for a category, optionally shaped by one example product.
     *
     * @param count 1..6
     * @throws ChatException classified
     */
    public PromptIdeas ideas(String category, Product example, int count) {
        if (count < 1 || count > MAX_IDEAS) {
            throw new IllegalArgumentException("count must be 1.." + MAX_IDEAS + ": " + count);
        }
        ChatCompletionCreateParams params = params(ChatPrompts.IDEAS_INSTRUCTIONS, ChatPrompts.PROMPT_IDEAS,
                ChatPrompts.ideasSchema())
                .addUserMessage(ChatPrompts.ideasMessage(category, example, count)).build();
        Answer answer = call(params, ChatPrompts.PROMPT_IDEAS);
        List<PromptIdeas.Idea> ideas = new ArrayList<>();
        for (JsonNode node : answer.json().path("ideas")) {
            if (ideas.size() == count) {
                break;
            }
            String template = OperatorText.prompt(node.path("template").asText(null));
            if (template == null || !template.contains(NAME_PLACEHOLDER)) {
                continue; // a template that cannot name the product is no template
            }
            String name = ModelText.line(node.path("name").asText(null), MAX_IDEA_NAME);
            String style = ModelText.line(node.path("style").asText(null), MAX_IDEA_STYLE);
            ideas.add(new PromptIdeas.Idea(name == null ? "Idea " + (ideas.size() + 1) : name,
                    style == null ? "" : style, template));
        }
        if (ideas.isEmpty()) {
            throw new ChatException(FailureClass.INVALID_REQUEST,
                    "the chat model suggested no template with " + NAME_PLACEHOLDER, null);
        }
        return new PromptIdeas(List.copyOf(ideas), answer.usage());
    }

    /** The model family configured (for labels and prices). */
    public String model() {
        return settings.model();
    }

    @Override
    public void close() {
        client.close();
    }

    // --- one call ---

    /** The answer's JSON and what the call used. */
    record Answer(JsonNode json, ChatUsage usage) {
    }

    private ChatCompletionCreateParams.Builder params(String instructions, String schemaName, Map<String, Object> schema) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder schemaBuilder =
                ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        schema.forEach((key, value) -> schemaBuilder.putAdditionalProperty(key, JsonValue.from(value)));
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
                .model(settings.deployment())
                .addSystemMessage(instructions)
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name(schemaName).strict(true).schema(schemaBuilder.build()).build())
                        .build())
                // max_completion_tokens, never max_tokens, and no temperature: the gpt-5 family refuses both others
                .maxCompletionTokens(MAX_COMPLETION_TOKENS);
        if (isReasoningModel(settings.model())) {
            builder.reasoningEffort(ReasoningEffort.LOW); // a checklist, not a puzzle: fewer paid reasoning tokens
        }
        return builder;
    }

    private Answer call(ChatCompletionCreateParams params, String task) {
        ChatCompletion completion;
        try {
            completion = client.chat().completions().create(params);
        } catch (RuntimeException failure) {
            ChatException classified = ChatFailures.classify(failure);
            LOG.debugf("chat %s failed (%s): %s", task, classified.failureClass(), classified.getMessage());
            throw classified;
        }
        ChatUsage usage = usage(completion);
        ChatCompletionMessage message;
        String finishReason;
        try {
            if (completion.choices().isEmpty()) {
                throw new ChatException(FailureClass.INVALID_REQUEST, "the chat model's answer has no choices", null);
            }
            ChatCompletion.Choice choice = completion.choices().get(0);
            message = choice.message();
            finishReason = choice.finishReason().asString();
        } catch (RuntimeException unreadable) {
            throw ChatFailures.classify(unreadable instanceof ChatException ? unreadable
                    : new com.openai.errors.OpenAIInvalidDataException("unreadable choice", unreadable));
        }
        if (message.refusal().filter(r -> !r.isBlank()).isPresent()) {
            throw new ChatException(FailureClass.POLICY, "the chat model refused the " + task + ": "
                    + ModelText.line(message.refusal().get(), 200), null);
        }
        String content = message.content().orElse("");
        try {
            JsonNode json = JSON.readTree(content);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new Answer(json, usage);
        } catch (Exception notJson) {
            throw new ChatException(FailureClass.INVALID_REQUEST, "the chat model's " + task + " answer breaks its "
                    + "schema (finish reason " + finishReason + ")", notJson);
        }
    }

    private ChatUsage usage(ChatCompletion completion) {
        long prompt = 0;
        long completionTokens = 0;
        try {
            CompletionUsage usage = completion.usage().orElse(null);
            if (usage != null) {
                prompt = usage.promptTokens();
                completionTokens = usage.completionTokens();
            }
        } catch (RuntimeException unreadable) {
            // no usage is still an answer; the cost is then unknown rather than wrong
        }
        BigDecimal cost = pricing.chatCost(settings.model(), prompt, completionTokens).orElse(null);
        return new ChatUsage(settings.model(), prompt, completionTokens, cost);
    }

    static boolean isReasoningModel(String model) {
        String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
        return lower.startsWith("gpt-5") || lower.matches("^o\\d.*");
    }

    private static String imageType(byte[] image, String contentType) {
        if (contentType != null && (contentType.equalsIgnoreCase("image/png") || contentType.equalsIgnoreCase("image/jpeg"))) {
            return contentType.toLowerCase(Locale.ROOT);
        }
        boolean jpeg = image.length > 2 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8;
        return jpeg ? "image/jpeg" : "image/png";
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isBoolean()) {
            throw new ChatException(FailureClass.INVALID_REQUEST, "the chat model's verdict has no boolean " + field, null);
        }
        return node.booleanValue();
    }

    private static String failedChecks(boolean matches, boolean noText, boolean plain, boolean whole) {
        List<String> failed = new ArrayList<>();
        if (!matches) {
            failed.add("does not match the product");
        }
        if (!noText) {
            failed.add("text or logos");
        }
        if (!plain) {
            failed.add("background not plain");
        }
        if (!whole) {
            failed.add("product not whole and centred");
        }
        return String.join(", ", failed);
    }
}
