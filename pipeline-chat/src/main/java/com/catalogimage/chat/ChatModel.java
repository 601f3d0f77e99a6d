package com.catalogimage.chat;

import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;

/**
 * The chat and vision model: one openai-java client per application (build one, close it on shutdown). Calls block
 * their thread (never call from the event loop). Every call asks for a structured answer (a strict JSON schema), so
 * the answer is parsed, never interpreted as free text, and everything in it is cleaned and bounded before it leaves
 * this class: model output is untrusted.
 */
public final class ChatModel implements AutoCloseable {

    public ChatModel(ChatSettings settings, PricingConfig pricing) {
        throw new UnsupportedOperationException("pipeline-chat: not implemented yet");
    }

    /**
     * The quality check: one vision call (the image as a low-detail data URL) judging the image against the product
     * (matches name, description and category; no text, logos or watermarks; plain background; whole and centred),
     * with alt text. The verdict's alt text is cleaned by {@code AltText} (fallback: the product's name).
     *
     * @throws ChatException classified, after openai-java's retries
     */
    public QualityVerdict judge(byte[] image, String contentType, Product product, String promptAsSent) {
        throw new UnsupportedOperationException();
    }

    /**
     * A rewrite of a prompt the image model refused (content policy), keeping the product's facts.
     *
     * @param refusal the refusal's code and message as the dead letter recorded it (may be null)
     * @throws ChatException classified
     */
    public Rewrite rewrite(String refusedPrompt, Product product, String refusal) {
        throw new UnsupportedOperationException();
    }

    /**
     * Template ideas for a category, optionally shaped by one example product.
     *
     * @param count 1..6
     * @throws ChatException classified
     */
    public PromptIdeas ideas(String category, Product example, int count) {
        throw new UnsupportedOperationException();
    }

    /** The model family configured (for labels and prices). */
    public String model() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
