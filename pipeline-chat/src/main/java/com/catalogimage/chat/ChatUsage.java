package com.catalogimage.chat;

import java.math.BigDecimal;

/**
 * What one chat call used and cost.
 *
 * @param model            the model family (for the price table)
 * @param promptTokens     {@code usage.prompt_tokens}
 * @param completionTokens {@code usage.completion_tokens}
 * @param costUsd          at list price ({@code pricing.chat-per-million-tokens}); {@code null} if the table does not
 *                         know the model
 */
public record ChatUsage(String model, long promptTokens, long completionTokens, BigDecimal costUsd) {
}
