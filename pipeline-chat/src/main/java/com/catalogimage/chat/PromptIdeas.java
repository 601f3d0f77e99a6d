package com.catalogimage.chat;

import java.util.List;

/**
 * Template ideas the chat model suggested for a category (catalog photography), cleaned and bounded.
 *
 * @param ideas each idea's short name, its style in a few words, and a template with the placeholders {@code {name}},
 *              {@code {description}}, {@code {category}}, {@code {tags}} (at least {@code {name}})
 * @param usage the call's tokens and cost
 */
public record PromptIdeas(List<Idea> ideas, ChatUsage usage) {

    /** One suggested template. */
    public record Idea(String name, String style, String template) {
    }
}
