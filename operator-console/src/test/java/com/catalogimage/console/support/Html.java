package com.catalogimage.console.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for the pages' tests, by their {@code data-testid} hooks: the console's own templates, whose
 * shape the tests know (no HTML parser is on the project's dependency list; the browser tests use a real browser).
 */
public final class Html {

    /** An element: its opening tag and what is inside it. */
    public record Element(String openTag, String inner) {

        public String attr(String name) {
            Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(openTag);
            return m.find() ? decode(m.group(1)) : null;
        }

        /** The text of the first element inside with this test id. */
        public String text(String testId) {
            return Html.text(inner, testId);
        }

        public List<String> texts(String testId) {
            return Html.texts(inner, testId);
        }
    }

    private Html() {
    }

    /** Every {@code <tag ... data-testid="testId" ...>...</tag>} (the tag not nested in itself). */
    public static List<Element> elements(String html, String tag, String testId) {
        Pattern p = Pattern.compile("(<" + tag + "\\b[^>]*\\bdata-testid=\"" + Pattern.quote(testId) + "\"[^>]*>)(.*?)</"
                + tag + ">", Pattern.DOTALL);
        Matcher m = p.matcher(html);
        List<Element> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Element(m.group(1), m.group(2)));
        }
        return found;
    }

    /** The opening tags of every element with this test id (any tag, void elements included). */
    public static List<Element> tags(String html, String testId) {
        Matcher m = Pattern.compile("<[a-z]+\\b[^>]*\\bdata-testid=\"" + Pattern.quote(testId) + "\"[^>]*>").matcher(html);
        List<Element> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Element(m.group(), ""));
        }
        return found;
    }

    /** The text of the first element with this test id, tags inside removed, entities decoded; null when none. */
    public static String text(String html, String testId) {
        List<String> all = texts(html, testId);
        return all.isEmpty() ? null : all.get(0);
    }

    public static List<String> texts(String html, String testId) {
        Matcher m = Pattern.compile("<([a-z0-9]+)\\b[^>]*\\bdata-testid=\"" + Pattern.quote(testId) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(decode(m.group(2).replaceAll("<[^>]*>", "")).strip());
        }
        return found;
    }

    public static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
