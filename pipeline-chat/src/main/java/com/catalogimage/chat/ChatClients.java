package com.catalogimage.chat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import java.util.function.Supplier;

/**
 * Builds the openai-java client (Azure mode) of the chat deployment, the way the generator builds its image clients
 * ({@code ImageApiClients}): the URL path mode set explicitly (AUTO only recognises real Azure host names), an
 * {@code api-key} or Entra ID bearer tokens.
 */
final class ChatClients {

    static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    private ChatClients() {
    }

    static OpenAIClient create(ChatSettings settings, Credential credential) {
        String base = settings.endpoint().replaceAll("/+$", "");
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .credential(credential)
                .timeout(settings.timeout())
                // Unlike the image calls (retried by the generator's pool and Fault Tolerance), a chat call is cheap
                // and nothing above it retries: openai-java's own retries do it, backing off by retry-after-ms /
                // Retry-After on 429 and retrying 408/409/5xx and I/O failures, which is the ecosystem's way.
                .maxRetries(settings.maxRetries());
        if (settings.pathMode() == ChatSettings.PathMode.UNIFIED) {
            // UNIFIED appends only /chat/completions to the base URL; the deployment travels as "model"
            builder.baseUrl(base + "/openai/v1").azureUrlPathMode(AzureUrlPathMode.UNIFIED);
        } else {
            builder.baseUrl(base).azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString(settings.apiVersion()));
        }
        return builder.build();
    }

    /** The {@code api-key}, else Entra ID tokens (azure-identity caches them and refreshes them before they expire). */
    static Credential credential(ChatSettings settings) {
        if (settings.apiKey().filter(key -> !key.isBlank()).isPresent()) {
            return AzureApiKeyCredential.create(settings.apiKey().get());
        }
        TokenCredential identity = new DefaultAzureCredentialBuilder().build();
        TokenRequestContext scope = new TokenRequestContext().addScopes(COGNITIVE_SERVICES_SCOPE);
        return bearer(() -> identity.getTokenSync(scope).getToken());
    }

    static Credential bearer(Supplier<String> tokens) {
        return BearerTokenCredential.create(tokens);
    }
}
