package com.catalogimage.chat;

import java.util.regex.Pattern;

/**
 * Short plain text from the model's answer (a verdict's reason, an idea's name or style, a rewrite's explanation):
 * untrusted, so reduced to one line of plain text (control and format characters, tags and markup characters out) and
 * bounded at a word where it can be. Alt text has its own, stricter cleaning ({@code AltText}); prompts and templates
 * keep their lines ({@code OperatorText.prompt}).
 */
final class ModelText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>?");
    private static final Pattern MARKUP = Pattern.compile("[<>`*_#|\\\\\\[\\]{}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ModelText() {
    }

    /** One plain line of at most {@code max} characters; null when nothing is left. */
    static String line(String text, int max) {
        if (text == null) {
            return null;
        }
        String plain = CONTROL.matcher(text).replaceAll(" ");
        plain = TAGS.matcher(plain).replaceAll(" ");
        plain = MARKUP.matcher(plain).replaceAll(" ");
        plain = SPACES.matcher(plain).replaceAll(" ").strip();
        if (plain.isEmpty()) {
            return null;
        }
        if (plain.length() > max) {
            int cut = plain.lastIndexOf(' ', max);
            int end = cut > max / 2 ? cut : max;
            if (Character.isHighSurrogate(plain.charAt(end - 1))) {
                end--;
            }
            plain = plain.substring(0, end).strip();
        }
        return plain;
    }
}
