package com.catalogimage.generator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.credential.BearerTokenCredential;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageApiClientsTest {

    @Test
    void anApiKeyIsSentAsAzuresApiKeyHeader() {
        assertThat(ImageApiClients.credential(config(GeneratorConfig.Auth.API_KEY, "k-123"), Optional.empty()))
                .isInstanceOf(AzureApiKeyCredential.class);
    }

    @Test
    void aPoolMembersOwnKeyWinsOverEntraId() {
        assertThat(ImageApiClients.credential(config(GeneratorConfig.Auth.ENTRA_ID, null), Optional.of("member-key")))
                .isInstanceOf(AzureApiKeyCredential.class);
    }

    @Test
    void entraIdUsesBearerTokensAndNeedsNoKey() {
        assertThat(ImageApiClients.credential(config(GeneratorConfig.Auth.ENTRA_ID, null), Optional.empty()))
                .isInstanceOf(BearerTokenCredential.class);
    }

    @Test
    void aMissingKeyIsAClearStartupError() {
        assertThatThrownBy(() -> ImageApiClients.credential(config(GeneratorConfig.Auth.API_KEY, " "), Optional.empty()))
                .hasMessageContaining("AZURE_OPENAI_API_KEY").hasMessageContaining("entra-id");
    }

    /** Only auth() and apiKey() matter here. */
    private static GeneratorConfig config(GeneratorConfig.Auth auth, String key) {
        return (GeneratorConfig) Proxy.newProxyInstance(GeneratorConfig.class.getClassLoader(),
                new Class<?>[] {GeneratorConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "auth" -> auth;
                    case "apiKey" -> Optional.ofNullable(key);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
