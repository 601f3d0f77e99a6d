package com.catalogimage.contracts;

import java.util.regex.Pattern;

/**
 * Text a person types into a record (a replay's or a request again's prompt or template, a reviewer's note), cleaned
 * once where it enters the pipeline, by the same rules whichever service it enters through: control and format
 * characters go (they can hide text from the person reading it back, or break a log line or a blob metadata header), it
 * is stripped and bounded, and blank means none. Prompts and templates keep their line breaks, which a model reads as
 * structure; a note becomes one line, since it ends up in a status detail.
 */
public final class OperatorText {

    /**
     * The longest prompt or template an operator may write: dall-e-3's limit (gpt-image models take 32,000), so an
     * override fits whichever deployment generates it.
     */
    public static final int MAX_PROMPT = 4_000;

    /** The longest reviewer's note: enough for a reason, short enough for a status detail. */
    public static final int MAX_NOTE = 500;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\t\\n\\r]]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

    private OperatorText() {
    }

    /** A prompt or template override: control characters removed, at most {@link #MAX_PROMPT}; {@code null} if blank. */
    public static String prompt(String text) {
        return bounded(text == null ? null : CONTROL.matcher(text).replaceAll(""), MAX_PROMPT);
    }

    /** A note: one line, control characters removed, at most {@link #MAX_NOTE}; {@code null} if blank. */
    public static String note(String text) {
        if (text == null) {
            return null;
        }
        String line = LINE_BREAKS.matcher(CONTROL.matcher(text).replaceAll("")).replaceAll(" ").replace('\t', ' ');
        return bounded(line, MAX_NOTE);
    }

    private static String bounded(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            // Never cut a surrogate pair in two.
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            value = value.substring(0, end).strip();
        }
        return value;
    }
}
