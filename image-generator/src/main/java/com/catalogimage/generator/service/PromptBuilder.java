package com.catalogimage.generator.service;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.generator.config.GeneratorConfig;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request into the prompt sent to the model. The seed warned that "special characters can break the prompt
 * structure, so always do a cleanup first": every catalog field is cleaned to one plain line before it goes into the
 * template, so a description cannot add lines that look like the template's own instructions.
 */
public final class PromptBuilder {

    /** gpt-image models accept up to 32,000 characters, dall-e-3 4,000. */
    static final int GPT_IMAGE_MAX_PROMPT = 32_000;
    static final int DALL_E_MAX_PROMPT = 4_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|description|category|tags)}");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\t\\n\\r]]");
    private static final Pattern BRACES_AND_BACKTICKS = Pattern.compile("[{}`]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What the critique of a rejected image is introduced with in the next prompt. */
    static final String CRITIQUE_LEAD = "An earlier image of this product was rejected for these reasons; avoid them: ";

    private final String template;
    private final int maxFieldChars;
    private final Function<String, String> categoryTemplates;

    public PromptBuilder(String template, int maxFieldChars) {
        this(template, maxFieldChars, category -> null);
    }

    /**
     * @param categoryTemplates a category's template (the playground's, from {@code category-templates}) by the
     *                          category's name; null when it has none
     */
    public PromptBuilder(String template, int maxFieldChars, Function<String, String> categoryTemplates) {
        this.template = template;
        this.maxFieldChars = maxFieldChars;
        this.categoryTemplates = categoryTemplates;
    }

    /**
     * The operator's prompt override as written (only control characters removed), else the operator's template
     * override, the product's category's template or the configured template, filled in with the cleaned fields.
     */
    public String prompt(ImageRequest request, String model) {
        String override = request.promptOverride();
        if (override != null && !override.isBlank()) {
            return CONTROL.matcher(override).replaceAll("").strip();
        }
        String chosen = request.templateOverride();
        if (chosen == null || chosen.isBlank()) {
            chosen = categoryTemplates.apply(request.product().categoryName());
        }
        boolean overridden = chosen != null && !chosen.isBlank();
        String prompt = fill(request.product(), overridden ? CONTROL.matcher(chosen).replaceAll("") : template);
        return bounded(prompt, maxPromptChars(model));
    }

    /**
     * The prompt of a regeneration: the earlier prompt and the judge's critique of its image. The critique is model
     * output about catalog text, so it is cleaned like a catalog field (one plain line, no braces or markup) and
     * bounded by {@code maxCritiqueChars}; the earlier prompt gives way so that the critique always fits the model's
     * limit.
     */
    public String withCritique(String prompt, List<String> reasons, String model, int maxCritiqueChars) {
        String critique = reasons == null ? "" : String.join("; ", reasons.stream().map(this::clean)
                .filter(reason -> !reason.isEmpty()).toList());
        if (critique.isEmpty()) {
            return prompt;
        }
        critique = CRITIQUE_LEAD + bounded(critique, Math.max(0, maxCritiqueChars)).strip();
        int room = maxPromptChars(model) - critique.length() - 1;
        return bounded(prompt, Math.max(0, room)).strip() + "\n" + critique;
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The longest prompt the model family accepts. */
    public static int maxPromptChars(String model) {
        return GeneratorConfig.isDallE(model) ? DALL_E_MAX_PROMPT : GPT_IMAGE_MAX_PROMPT;
    }

    String fill(Product product) {
        return fill(product, template);
    }

    private String fill(Product product, String template) {
        Map<String, String> values = Map.of(
                "name", clean(product.name()),
                "description", clean(product.description()),
                "category", clean(product.categoryName()),
                "tags", cleanTags(product.tags()));
        List<String> lines = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            Matcher placeholders = PLACEHOLDER.matcher(line);
            boolean hasPlaceholder = false;
            boolean allEmpty = true;
            StringBuilder filled = new StringBuilder();
            while (placeholders.find()) {
                hasPlaceholder = true;
                String value = values.get(placeholders.group(1));
                allEmpty &= value.isEmpty();
                placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            placeholders.appendTail(filled);
            if (!hasPlaceholder || !allEmpty) {
                lines.add(filled.toString());
            }
        }
        return String.join("\n", lines).strip();
    }

    /** One plain line: no markup, control characters, template braces or backticks; single spaces; bounded length. */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
        plain = MARKUP.matcher(plain).replaceAll(" ");
        plain = CONTROL.matcher(plain).replaceAll("");
        plain = BRACES_AND_BACKTICKS.matcher(plain).replaceAll("");
        plain = WHITESPACE.matcher(plain).replaceAll(" ").strip();
        return plain.length() <= maxFieldChars ? plain : plain.substring(0, maxFieldChars).strip();
    }

    /** {@code "snack, ,sweet,"} becomes {@code "snack, sweet"}. */
    String cleanTags(String tags) {
        if (tags == null) {
            return "";
        }
        return clean(String.join(", ", Arrays.stream(tags.split(","))
                .map(this::clean).filter(tag -> !tag.isEmpty()).toList()));
    }
}
