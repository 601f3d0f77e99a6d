package com.catalogimage.console.service;

import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.contracts.Product;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The prompt the image model refused, as far as a dead letter tells it. The generator dead-letters the request, not the
 * prompt it built: a request with an operator's prompt override was sent exactly that (control characters removed);
 * otherwise the prompt was the generator's template (a template override, a category's template, or the configured
 * one) filled with the product's fields, and only the generator knows which. The product's text is what trips a filter
 * (the template's photography instructions do not), so then the refused prompt is taken to be the product's lines as
 * the seed's template writes them ({@code Product Name: …}), which the chat model rewrites into a whole prompt.
 */
public final class RefusedPrompt {

    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A catalog field kept in a rebuilt prompt, at most (the seed's Description column is 1000 characters). */
    private static final int MAX_FIELD = 1000;

    private RefusedPrompt() {
    }

    /** The refused prompt of a dead letter: its override as sent, else its product's lines; null if neither is known. */
    public static String of(DeadLetterListing.Entry letter) {
        String override = letter.promptOverride();
        if (override != null && !override.isBlank()) {
            return CONTROL.matcher(override).replaceAll("").strip();
        }
        Product product = letter.product();
        if (product == null) {
            return letter.productName() == null ? null : "Product Name: " + field(letter.productName());
        }
        List<String> lines = new ArrayList<>();
        line(lines, "Product Name", product.name());
        line(lines, "Description", product.description());
        line(lines, "Category", product.categoryName());
        line(lines, "Tags", product.tags());
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /**
     * A prompt reduced to what makes two prompts the same request to the image model's filter: compatibility forms,
     * case, punctuation and spacing ignored.
     */
    public static String normalised(String prompt) {
        if (prompt == null) {
            return "";
        }
        String plain = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    private static void line(List<String> lines, String label, String value) {
        String text = field(value);
        if (!text.isEmpty()) {
            lines.add(label + ": " + text);
        }
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        String plain = WHITESPACE.matcher(CONTROL.matcher(MARKUP.matcher(value).replaceAll(" ")).replaceAll(""))
                .replaceAll(" ").strip();
        return plain.length() <= MAX_FIELD ? plain : plain.substring(0, MAX_FIELD).strip();
    }
}
