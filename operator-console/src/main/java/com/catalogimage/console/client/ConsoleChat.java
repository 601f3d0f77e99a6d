package com.catalogimage.console.client;

import com.catalogimage.chat.ChatModel;
import com.catalogimage.chat.ChatSettings;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.contracts.PricingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's one {@link ChatModel} (one openai-java client for the whole application), closed on shutdown. A
 * {@code @Singleton}, not a proxied scope: {@code ChatModel} is a final class of a plain library. It is built when first
 * injected; inject {@code Instance<ChatModel>} where a missing or broken configuration must not fail the page that
 * holds it (a console without a chat endpoint still shows everything else).
 */
@ApplicationScoped
public class ConsoleChat {

    @Produces
    @Singleton
    ChatModel chatModel(ConsoleConfig config, PricingConfig pricing) {
        return new ChatModel(settings(config.chat()), pricing);
    }

    void close(@Disposes ChatModel model) {
        model.close();
    }

    /** The console's {@code console.chat.*} as the library's settings. */
    public static ChatSettings settings(ConsoleConfig.Chat chat) {
        String endpoint = chat.endpoint().map(String::strip).filter(text -> !text.isEmpty())
                .orElseThrow(() -> new IllegalStateException(
                        "No chat endpoint: set CHAT_ENDPOINT (or AZURE_OPENAI_ENDPOINT) for rewrites and prompt ideas"));
        return new ChatSettings(endpoint, chat.deployment(), chat.model().orElse(chat.deployment()),
                pathMode(chat.pathMode()), chat.apiVersion(), chat.apiKey().filter(key -> !key.isBlank()),
                chat.timeout(), chat.maxRetries());
    }

    static ChatSettings.PathMode pathMode(String text) {
        return Optional.ofNullable(text).map(value -> value.strip().toUpperCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).map(ChatSettings.PathMode::valueOf)
                .orElse(ChatSettings.PathMode.LEGACY);
    }
}
