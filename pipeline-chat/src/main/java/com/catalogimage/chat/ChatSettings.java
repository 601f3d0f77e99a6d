package com.catalogimage.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach the chat deployment. Each service maps its own {@code @ConfigMapping} (environment
 * {@code CHAT_*}, defaulting to the image API's resource) onto this record.
 *
 * @param endpoint     the Azure OpenAI resource, e.g. {@code https://x.openai.azure.com} (no path)
 * @param deployment   the chat deployment's name (legacy path) or model name sent as {@code model} (v1 path)
 * @param model        the model family behind the deployment, for prices and parameter rules, e.g. {@code gpt-5-mini}
 * @param pathMode     {@code LEGACY}: {@code /openai/deployments/{d}/chat/completions?api-version=…};
 *                     {@code UNIFIED}: {@code /openai/v1/chat/completions}
 * @param apiVersion   the api-version of the legacy path
 * @param apiKey       the {@code api-key}; empty means Entra ID tokens (azure-identity)
 * @param timeout      per call
 * @param maxRetries   openai-java's own retries of 429 and 5xx (it honours {@code retry-after-ms} and
 *                     {@code Retry-After}); 0 turns them off
 */
public record ChatSettings(String endpoint, String deployment, String model, PathMode pathMode, String apiVersion,
        Optional<String> apiKey, Duration timeout, int maxRetries) {

    /** The two URL shapes of Azure OpenAI. */
    public enum PathMode {
        LEGACY, UNIFIED
    }
}
