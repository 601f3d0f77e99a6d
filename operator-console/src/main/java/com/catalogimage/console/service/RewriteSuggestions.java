package com.catalogimage.console.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rewrites suggested for dead letters, by dead-letter id, for the pages to fill the replay's prompt with
 * ({@code {inject:rewrites.prompt(id)}}): the suggestion survives the redirect after the action, and a page viewed
 * again does not pay for a second one. Bounded (the oldest go first); lost on restart, when asking again is the cost.
 */
@Named("rewrites")
@ApplicationScoped
public class RewriteSuggestions {

    /** Suggestions kept, at most: far more than the dead letters a person works through. */
    static final int KEPT = 500;

    /** One suggestion: the prompt (cleaned by the chat model's library) and what was changed. */
    public record Suggestion(String prompt, String explanation) {
    }

    private final Map<String, Suggestion> byDeadLetter = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Suggestion> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized void put(String deadLetterId, Suggestion suggestion) {
        byDeadLetter.put(deadLetterId, suggestion);
    }

    /** The suggested prompt for a dead letter, or null. */
    public synchronized String prompt(String deadLetterId) {
        Suggestion suggestion = byDeadLetter.get(deadLetterId);
        return suggestion == null ? null : suggestion.prompt();
    }

    /** What the suggestion changed, or null. */
    public synchronized String explanation(String deadLetterId) {
        Suggestion suggestion = byDeadLetter.get(deadLetterId);
        return suggestion == null ? null : suggestion.explanation();
    }
}
