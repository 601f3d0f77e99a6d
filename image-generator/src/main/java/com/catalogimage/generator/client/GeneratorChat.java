package com.catalogimage.generator.client;

import com.catalogimage.chat.ChatModel;
import com.catalogimage.chat.ChatSettings;
import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.generator.config.GeneratorConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The generator's one chat and vision model (the quality check): built on first use from {@code generator.chat}, so
 * that {@code QUALITY_CHECK=off} never builds a client, and closed at shutdown.
 */
public class GeneratorChat {

    @Produces
    @Singleton
    ChatModel chat(GeneratorConfig config, PricingConfig pricing) {
        return new ChatModel(settings(config.chat()), pricing);
    }

    void close(@Disposes ChatModel chat) {
        chat.close();
    }

    static ChatSettings settings(GeneratorConfig.Chat chat) {
        return new ChatSettings(chat.endpoint(), chat.deployment(), chat.model(),
                ChatSettings.PathMode.valueOf(chat.pathMode().name()), chat.apiVersion(),
                chat.apiKey().filter(key -> !key.isBlank()), chat.timeout(), chat.maxRetries());
    }
}
