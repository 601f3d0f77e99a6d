package com.catalogimage.scanner.service;

import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.scanner.config.ScannerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before anything is paid for, whether a product's text can make a useful picture: the seed's advice
 * ("validate first that you have not duplicated, vague or empty descriptions") as code.
 */
@ApplicationScoped
public class InputHygiene {

    private final int minWords;
    private final Set<String> vague;

    @Inject
    public InputHygiene(ScannerConfig config) {
        this(config.hygiene());
    }

    InputHygiene(ScannerConfig.Hygiene rules) {
        this.minWords = rules.minDescriptionWords();
        this.vague = rules.vagueDescriptions().stream().map(InputHygiene::normalise).collect(Collectors.toSet());
    }

    /** Why the product's own text is not worth a generation, if it is not. */
    public Optional<ReasonCode> problem(Product product) {
        String description = normalise(product.description());
        if (description.isEmpty()) {
            return Optional.of(ReasonCode.EMPTY_DESCRIPTION);
        }
        if (vague.contains(description) || description.equals(normalise(product.name())) || words(description) < minWords) {
            return Optional.of(ReasonCode.VAGUE_DESCRIPTION);
        }
        return Optional.empty();
    }

    /**
     * Words of a normalised text. Chinese and Japanese put no spaces between words: there, every two characters count
     * as a word, about the length of a word in those scripts.
     */
    static int words(String normalised) {
        int words = 0;
        for (String token : normalised.split(" ")) {
            long spaceless = token.codePoints().filter(InputHygiene::isWrittenWithoutSpaces).count();
            words += spaceless > 0 ? (int) Math.max(1, (spaceless + 1) / 2) : (token.isEmpty() ? 0 : 1);
        }
        return words;
    }

    private static boolean isWrittenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    /** Two products with the same fingerprint would get the same picture. */
    public String fingerprint(Product product) {
        return normalise(product.name()) + "|" + normalise(product.description());
    }

    /** Lower case letters and digits of any script, single spaces: markup, punctuation and control characters go. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("<[^>]*>", " ");
        return plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
