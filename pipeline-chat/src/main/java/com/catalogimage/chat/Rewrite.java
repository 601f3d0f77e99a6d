package com.catalogimage.chat;

/**
 * A rewrite of a prompt the image model's safety system refused: the product's facts kept, what tripped the filter
 * dropped. Cleaned ({@code OperatorText.prompt}) and bounded; the operator edits or accepts it.
 *
 * @param prompt      the rewritten prompt
 * @param explanation what was changed and why, one plain line
 * @param usage       the call's tokens and cost
 */
public record Rewrite(String prompt, String explanation, ChatUsage usage) {
}
