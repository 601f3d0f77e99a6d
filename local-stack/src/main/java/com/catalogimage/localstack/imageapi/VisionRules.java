package com.catalogimage.localstack.imageapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the vision emulator's quality verdict is steered: a rule names a term, a check and how many judgements it fails.
 * A judgement of an image whose embedded prompt (see {@link PromptChunk}) contains the term (case-insensitive) fails
 * that check and uses up one of the rule's {@code times}; once they are used up the rule is gone and such images pass
 * again, which is what lets a test see a failing check, a regeneration and then a pass. {@code times = -1} fails for
 * ever. Every rule that matches one image applies (and counts) at once. Thread-safe; {@code POST/DELETE
 * /admin/vision/rules} drive the same rules.
 */
public final class VisionRules {

    /** The four checks of the quality verdict, named as in its JSON. */
    public enum Check {
        matchesProduct, noTextOrLogos, plainBackground, wholeAndCentred;

        /** The check named {@code name} (case-insensitive). */
        public static Check of(String name) {
            for (Check check : values()) {
                if (check.name().equalsIgnoreCase(name)) {
                    return check;
                }
            }
            throw new IllegalArgumentException("unknown check: " + name + " (one of matchesProduct, noTextOrLogos, "
                    + "plainBackground, wholeAndCentred)");
        }
    }

    /** What one judgement found: the failed checks, each with the term of the rule that failed it. */
    record Judgement(Map<Check, String> failed) {
        boolean passed() {
            return failed.isEmpty();
        }
    }

    private static final class Rule {
        final String term;
        final String termLowerCase;
        final Check check;
        int remaining;

        Rule(String term, int times, Check check) {
            this.term = term;
            this.termLowerCase = term.toLowerCase(Locale.ROOT);
            this.check = check;
            this.remaining = times;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    VisionRules() {
    }

    /**
     * Fails {@code check} for the next {@code times} judgements of images whose prompt contains {@code term}.
     *
     * @param times how many judgements fail before such images pass; -1 = always
     */
    public synchronized VisionRules fail(String term, int times, Check check) {
        Objects.requireNonNull(check, "check");
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term must not be blank");
        }
        if (times < -1 || times == 0) {
            throw new IllegalArgumentException("times must be >= 1, or -1 for always: " + times);
        }
        rules.add(new Rule(term, times, check));
        return this;
    }

    /** Same as {@link #fail(String, int, Check)} with the check's JSON name. */
    public VisionRules fail(String term, int times, String check) {
        return fail(term, times, Check.of(check));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The rules in force, for {@code GET /admin/vision/rules}. */
    public synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("term", rule.term);
            view.put("times", rule.remaining);
            view.put("check", rule.check.name());
            out.add(view);
        }
        return out;
    }

    /** Judges one image by its embedded prompt (null: no prompt, nothing matches), using up the matching rules. */
    synchronized Judgement judge(String embeddedPrompt) {
        Map<Check, String> failed = new LinkedHashMap<>();
        if (embeddedPrompt != null) {
            String lower = embeddedPrompt.toLowerCase(Locale.ROOT);
            Set<Rule> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Rule rule : rules) {
                if (lower.contains(rule.termLowerCase)) {
                    failed.putIfAbsent(rule.check, rule.term);
                    used.add(rule);
                }
            }
            for (Rule rule : used) {
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
            }
            rules.removeIf(rule -> rule.remaining == 0);
        }
        EnumSet<Check> order = EnumSet.noneOf(Check.class);
        order.addAll(failed.keySet());
        Map<Check, String> ordered = new LinkedHashMap<>();
        order.forEach(check -> ordered.put(check, failed.get(check)));
        return new Judgement(ordered);
    }
}
