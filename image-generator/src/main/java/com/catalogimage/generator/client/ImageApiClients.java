package com.catalogimage.generator.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import java.util.Optional;

/** Builds the openai-java clients (Azure mode) of the deployment pool: one per member, closed by the pool. */
public final class ImageApiClients {

    static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    private ImageApiClients() {
    }

    static OpenAIClient create(GeneratorConfig config, String endpoint, GeneratorConfig.PathMode pathMode,
            Credential credential) {
        String base = endpoint.replaceAll("/+$", "");
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .credential(credential)
                .timeout(config.timeout())
                // 429s and transient failures are handled by the pool and SmallRye Fault Tolerance (ImageApi): SDK
                // retries on top would multiply every attempt by three and ignore the pool's rate limit.
                .maxRetries(0);
        if (pathMode == GeneratorConfig.PathMode.UNIFIED) {
            // UNIFIED appends only /images/generations to the base URL
            builder.baseUrl(base + "/openai/v1").azureUrlPathMode(AzureUrlPathMode.UNIFIED);
        } else {
            builder.baseUrl(base).azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString(config.apiVersion()));
        }
        return builder.build();
    }

    /**
     * A member's own API key, else the shared one, else Entra ID tokens (azure-identity caches them and refreshes them
     * before they expire).
     */
    static Credential credential(GeneratorConfig config, Optional<String> memberKey) {
        Optional<String> own = memberKey.filter(value -> !value.isBlank());
        if (own.isPresent()) {
            return AzureApiKeyCredential.create(own.get());
        }
        if (config.auth() == GeneratorConfig.Auth.ENTRA_ID) {
            TokenCredential identity = new DefaultAzureCredentialBuilder().build();
            TokenRequestContext scope = new TokenRequestContext().addScopes(COGNITIVE_SERVICES_SCOPE);
            return BearerTokenCredential.create(() -> identity.getTokenSync(scope).getToken());
        }
        String key = config.apiKey().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "generator.auth=api-key needs AZURE_OPENAI_API_KEY (or set AZURE_OPENAI_AUTH=entra-id)"));
        return AzureApiKeyCredential.create(key);
    }
}
