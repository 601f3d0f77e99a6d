package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat model's deterministic answers, chosen by the structured output's name (issue 13's contract, "the
 * emulator's steering"):
 * <ul>
 *   <li>{@code quality_verdict}: passes unless a {@link VisionRules} rule matches the prompt embedded in the image;
 *       the alt text is deliberately hostile ({@code "Image of " + name + ", " + first 80 chars of the description},
 *       unescaped) so the pipeline's alt-text cleaning is exercised.</li>
 *   <li>{@code prompt_rewrite}: the refused prompt without the image filter's blocked terms, and why.</li>
 *   <li>{@code prompt_ideas}: {@code count} catalog-photography templates, each with {@code {name}}.</li>
 * </ul>
 * The product is read from {@code Name: …}, {@code Description: …}, {@code Category: …} lines of the user's text
 * (inside {@code <product>} tags when there are any, since the prompt quoted beside it has such lines too), the
 * refused prompt from between {@code <refused_prompt>} tags, the count from a {@code Count: n} line.
 */
final class ChatAnswers {

    static final int MAX_IDEAS = 6;

    private static final Pattern REFUSED = Pattern.compile("(?s)<refused_prompt>\\s*(.*?)\\s*</refused_prompt>");
    private static final Pattern PRODUCT = Pattern.compile("(?s)<product>(.*?)</product>");

    private static final String[][] IDEAS = {
        {"Studio white", "bright, even studio light on seamless white",
            "A clean studio catalog photograph of {name} ({category}), the whole product centred on a seamless white "
                    + "background, soft even lighting, sharp focus, no text, no logos, no props."},
        {"Soft shadow", "light grey backdrop with a soft floor shadow",
            "A catalog photograph of {name}, whole and centred on a plain light grey backdrop with a soft natural floor "
                    + "shadow, diffuse daylight, true colours, no text or logos."},
        {"Three-quarter view", "three-quarter angle that shows depth",
            "A product photograph of {name} at a three-quarter angle, fully in frame and centred on a plain off-white "
                    + "background, gentle key light from the left, no text, no logos, no people."},
        {"Flat lay", "top-down flat lay on a neutral surface",
            "A top-down flat-lay catalog photograph of {name} on a plain neutral surface, the whole product centred with "
                    + "even margins, soft shadowless light, no text or logos."},
        {"Detail and form", "close framing that keeps the product whole",
            "A close, well-lit catalog photograph of {name} that keeps the whole product in frame and centred, plain "
                    + "white background, crisp detail of materials and finish, no text, no logos."},
        {"Warm minimal", "warm, minimal tone on a pale backdrop",
            "A minimal catalog photograph of {name} ({category}), centred and whole on a pale warm-beige seamless "
                    + "backdrop, soft warm light, no text, no logos, no clutter."},
    };

    private static final Map<VisionRules.Check, String> REASONS = Map.of(
            VisionRules.Check.matchesProduct, "The image does not match the product's name, description or category.",
            VisionRules.Check.noTextOrLogos, "The image shows text or a logo; catalog images must have none.",
            VisionRules.Check.plainBackground, "The background is busy; use a plain, uncluttered background.",
            VisionRules.Check.wholeAndCentred, "The product is cropped or off-centre; show it whole and centred.");

    private ChatAnswers() {
    }

    static ObjectNode qualityVerdict(String userText, String embeddedPrompt, VisionRules rules) {
        VisionRules.Judgement judgement = rules.judge(embeddedPrompt);
        ObjectNode out = JSON.createObjectNode();
        for (VisionRules.Check check : VisionRules.Check.values()) {
            out.put(check.name(), !judgement.failed().containsKey(check));
        }
        ArrayNode reasons = out.putArray("reasons");
        judgement.failed().keySet().forEach(check -> reasons.add(REASONS.get(check)));
        String product = product(userText);
        String name = field(product, "Name");
        String description = field(product, "Description");
        String head = description == null ? "" : description.substring(0, Math.min(80, description.length()));
        out.put("altText", "Image of " + (name == null ? "" : name) + ", " + head);
        return out;
    }

    static ObjectNode promptRewrite(String userText, List<String> blockedTermsLowerCase) {
        Matcher matcher = REFUSED.matcher(userText);
        String refused = matcher.find() ? matcher.group(1) : userText;
        String rewritten = refused;
        StringBuilder removed = new StringBuilder();
        for (String term : blockedTermsLowerCase) {
            Matcher hit = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(rewritten);
            if (hit.find()) {
                rewritten = hit.replaceAll("");
                removed.append(removed.isEmpty() ? "" : ", ").append(term);
            }
        }
        rewritten = rewritten.replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+([,.;:!?\\n])", "$1")
                .replaceAll("(?m)^[ \\t]+|[ \\t]+$", "").strip();
        ObjectNode out = JSON.createObjectNode();
        out.put("prompt", rewritten);
        out.put("explanation", removed.isEmpty()
                ? "Nothing the filter names was found; the prompt keeps the product's facts as they were."
                : "Dropped the words the image filter refused (" + removed + "); the product's facts are kept.");
        return out;
    }

    static ObjectNode promptIdeas(String userText) {
        int count = 3;
        String countLine = field(userText, "Count");
        if (countLine != null) {
            try {
                count = Integer.parseInt(countLine.strip());
            } catch (NumberFormatException ignored) {
                // keep the default
            }
        }
        count = Math.max(1, Math.min(MAX_IDEAS, count));
        String category = field(product(userText), "Category");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode ideas = out.putArray("ideas");
        for (int i = 0; i < count; i++) {
            String[] idea = IDEAS[i];
            ObjectNode node = ideas.addObject();
            node.put("name", idea[0]);
            node.put("style", idea[1]);
            node.put("template", category == null || category.isBlank() ? idea[2].replace(" ({category})", "")
                    : idea[2]);
        }
        return out;
    }

    private static String product(String userText) {
        Matcher matcher = PRODUCT.matcher(userText);
        return matcher.find() ? matcher.group(1) : userText;
    }

    /** The value of a {@code Name: value} line, or null. */
    static String field(String text, String name) {
        Matcher matcher = Pattern.compile("(?im)^\\s*" + Pattern.quote(name) + "\\s*:[ \\t]*(.*?)\\s*$").matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Whether the text contains one of the (lower-case) terms. */
    static boolean containsAny(String text, List<String> termsLowerCase) {
        String lower = text.toLowerCase(Locale.ROOT);
        return termsLowerCase.stream().anyMatch(lower::contains);
    }
}
